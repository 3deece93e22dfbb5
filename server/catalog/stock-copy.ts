import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { isConditionalCheckFailure, tableName } from '../platform/db';
import { readProductShards, readShards, type Shard, seqOf, unitsByVariant } from '../stock';
import type { ProductRecord } from './contract';

// A product whose stock is in the ledger (`stockLedger: true`, ADR 0029) keeps a copy of the totals in its `stock`
// map, for what reads the product item: its page, listings, search's in-stock facet, back-in-stock alerts. The copy
// is refreshed off the checkout path (copyStockToProducts, from the orders stream), so a sale never rewrites the
// product item; reads that must be exact (a cart's price, checkout, an edit) take the ledger's totals instead.

/** The records with the ledger's exact totals in place of their copies (one consistent Query per ledger product). */
export async function withLedgerStock<R extends ProductRecord>(records: readonly R[]): Promise<R[]> {
  return (await withLedgerShards(records)).records;
}

/** The same, and the shards read (checkout picks its shards from them instead of reading them again). */
export async function withLedgerShards<R extends ProductRecord>(records: readonly R[]): Promise<{ records: R[]; shards: Map<string, Shard[]> }> {
  const ledgerIds = records.filter((r) => r.stockLedger === true).map((r) => r.id);
  if (ledgerIds.length === 0) return { records: [...records], shards: new Map() };
  const shards = await readShards(ledgerIds);
  const overlaid = records.map((r) => {
    const mine = shards.get(r.id);
    if (!mine) return r;
    const units = unitsByVariant(mine);
    // A variant with no shard has nothing to sell (as a missing key in the old map).
    return { ...r, stock: Object.fromEntries(r.variants.map((v) => [v.id, units[v.id] ?? 0])) };
  });
  return { records: overlaid, shards };
}

/**
 * Copies the ledger's totals onto each product item, when they differ and are newer than the copy there: the write
 * is conditional on `stockSeq` (the sum of the shards' change counters) being lower than the one read, so copies
 * racing from several stream shards never put an older count back. Idempotent; answers the products written.
 */
export async function copyStockToProducts(productIds: Iterable<string>): Promise<number> {
  let written = 0;
  for (const productId of new Set(productIds)) {
    const shards = await readProductShards(productId);
    if (shards.length === 0) continue; // not a ledger product
    const units = unitsByVariant(shards);
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':seq': seqOf(shards) };
    const sets = Object.entries(units).map(([variantId, n], i) => {
      names[`#v${i}`] = variantId;
      values[`:u${i}`] = n;
      return `stock.#v${i} = :u${i}`;
    });
    try {
      await dynamoDoc().send(
        new UpdateCommand({
          TableName: tableName('products'),
          Key: { id: productId },
          UpdateExpression: `SET ${[...sets, 'stockSeq = :seq'].join(', ')}`,
          ConditionExpression: 'attribute_exists(id) AND stockLedger = :true AND (attribute_not_exists(stockSeq) OR stockSeq < :seq)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ...values, ':true': true },
        }),
      );
      written++;
    } catch (err) {
      // Gone, not (or no longer) a ledger product, or a newer copy is already there.
      if (!isConditionalCheckFailure(err)) throw err;
    }
  }
  return written;
}
