import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../aws/clients';
import { withRetry } from '../runtime/retry';

// BatchGetItem takes at most 100 keys per call and may hand some back as UnprocessedKeys (throttling, the 16 MB
// answer limit). This is the one loop that asks again for what was left.

export const BATCH_GET_LIMIT = 100;

export type BatchGetSend = (input: {
  RequestItems: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead?: boolean; ProjectionExpression?: string }>;
}) => Promise<Pick<BatchGetCommandOutput, 'Responses' | 'UnprocessedKeys'>>;

const sendWithDocClient: BatchGetSend = (input) => dynamoDoc().send(new BatchGetCommand(input));

export class UnprocessedKeysError extends Error {
  override readonly name = 'UnprocessedKeysError';
  constructor(readonly remaining: number) {
    super(`DynamoDB left ${remaining} keys unanswered after every retry`);
  }
}

export type BatchGetAllOptions = {
  consistentRead?: boolean;
  /** Attribute names to read (plain names only: no expression attribute names are sent). */
  projection?: string;
  attempts?: number;
  /** For tests and the importer's injected client. */
  send?: BatchGetSend;
};

/** Every item found for `keys` (any number), in no particular order; absent keys are simply missing. */
export async function batchGetAll(
  table: string,
  keys: readonly Record<string, unknown>[],
  options: BatchGetAllOptions = {},
): Promise<Record<string, unknown>[]> {
  const send = options.send ?? sendWithDocClient;
  const found: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += BATCH_GET_LIMIT) {
    let pending = keys.slice(i, i + BATCH_GET_LIMIT) as Record<string, unknown>[];
    await withRetry(
      async () => {
        const out = await send({
          RequestItems: { [table]: { Keys: pending, ConsistentRead: options.consistentRead, ProjectionExpression: options.projection } },
        });
        found.push(...((out.Responses?.[table] ?? []) as Record<string, unknown>[]));
        pending = (out.UnprocessedKeys?.[table]?.Keys ?? []) as Record<string, unknown>[];
        if (pending.length > 0) throw new UnprocessedKeysError(pending.length);
      },
      { attempts: options.attempts ?? 8, baseDelayMs: 50, maxDelayMs: 3_000, retryOn: (err) => err instanceof UnprocessedKeysError },
    );
  }
  return found;
}
