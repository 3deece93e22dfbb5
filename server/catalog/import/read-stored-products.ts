import type { BatchGetCommandInput, BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { backoffDelayMs, sleep as realSleep } from './backoff';

// Reads the products an import is about to write, so unchanged ones can be skipped. BatchGetItem takes 100 keys
// per call and, like BatchWriteItem, may hand some back as UnprocessedKeys.

export type BatchGetSend = (input: BatchGetCommandInput) => Promise<Pick<BatchGetCommandOutput, 'Responses' | 'UnprocessedKeys'>>;

export const BATCH_GET_LIMIT = 100;
const MAX_ATTEMPTS = 8;

/** At most 100 ids per call; returns the stored items by id (absent ids are simply missing). */
export async function readStoredProducts(send: BatchGetSend, table: string, ids: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  if (ids.length > BATCH_GET_LIMIT) throw new RangeError(`BatchGetItem takes at most ${BATCH_GET_LIMIT} keys`);
  const found = new Map<string, Record<string, unknown>>();
  let keys: Record<string, unknown>[] = ids.map((id) => ({ id }));
  for (let attempt = 1; keys.length > 0; attempt++) {
    // Consistent reads: a write that just landed must not look unchanged-from-stale and be skipped.
    const out = await send({ RequestItems: { [table]: { Keys: keys, ConsistentRead: true } } });
    for (const item of out.Responses?.[table] ?? []) found.set(String(item.id), item);
    keys = out.UnprocessedKeys?.[table]?.Keys ?? [];
    if (keys.length === 0) break;
    if (attempt >= MAX_ATTEMPTS) throw new Error(`DynamoDB left ${keys.length} product reads unanswered after ${attempt} attempts; re-run the import.`);
    await realSleep(backoffDelayMs(attempt, { baseDelayMs: 50, maxDelayMs: 3_000 }));
  }
  return found;
}
