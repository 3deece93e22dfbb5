import { type BatchGetSend, batchGetAll } from '../../platform/db';

// Reads the products an import is about to write, so unchanged ones can be skipped. Consistent reads: a write that
// just landed must not look unchanged-from-stale and be skipped.

/** Returns the stored items by id (absent ids are simply missing). */
export async function readStoredProducts(send: BatchGetSend, table: string, ids: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  const items = await batchGetAll(
    table,
    ids.map((id) => ({ id })),
    { consistentRead: true, send },
  );
  return new Map(items.map((item) => [String(item.id), item]));
}
