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

/**
 * Every item found for the keys of several tables, read together: one BatchGetItem call for up to 100 keys in all,
 * instead of one call per table (checkout reads a cart's products and their stock items in one call). Answers
 * table → items found, in no particular order; absent keys are simply missing.
 */
export async function batchGetTables(
  tables: Readonly<Record<string, { keys: readonly Record<string, unknown>[]; consistentRead?: boolean }>>,
  options: Pick<BatchGetAllOptions, 'attempts' | 'send'> = {},
): Promise<Record<string, Record<string, unknown>[]>> {
  const send = options.send ?? sendWithDocClient;
  const found: Record<string, Record<string, unknown>[]> = Object.fromEntries(Object.keys(tables).map((t) => [t, []]));
  const all = Object.entries(tables).flatMap(([table, { keys }]) => keys.map((key) => ({ table, key })));
  for (let i = 0; i < all.length; i += BATCH_GET_LIMIT) {
    let pending = all.slice(i, i + BATCH_GET_LIMIT);
    await withRetry(
      async () => {
        const request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead?: boolean }> = {};
        for (const { table, key } of pending) {
          request[table] ??= { Keys: [], ...(tables[table]?.consistentRead ? { ConsistentRead: true } : {}) };
          request[table].Keys.push(key);
        }
        const out = await send({ RequestItems: request });
        for (const [table, items] of Object.entries(out.Responses ?? {})) found[table]?.push(...(items as Record<string, unknown>[]));
        pending = Object.entries(out.UnprocessedKeys ?? {}).flatMap(([table, rest]) =>
          (rest.Keys ?? []).map((key) => ({ table, key: key as Record<string, unknown> })),
        );
        if (pending.length > 0) throw new UnprocessedKeysError(pending.length);
      },
      { attempts: options.attempts ?? 8, baseDelayMs: 50, maxDelayMs: 3_000, retryOn: (err) => err instanceof UnprocessedKeysError },
    );
  }
  return found;
}
