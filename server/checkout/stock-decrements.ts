import { type TransactItem, tableName } from '../platform/db';
import { pickShards, readShards, type Shard, takeItem } from '../stock';

export type StockRequest = { productId: string; variantId: string; quantity: number };

/**
 * Products still holding their units on the product item (written before the stock ledger, ADR 0001): one Update
 * per product, since a transaction may touch an item only once, with a decrement and a `stock.#v >= :q` condition
 * for each variant. A missing variant fails the condition too, so a withdrawn variant cannot be sold.
 */
export function productStockItems(requests: StockRequest[]): TransactItem[] {
  const byProduct = new Map<string, Map<string, number>>();
  for (const r of requests) {
    const variants = byProduct.get(r.productId) ?? new Map<string, number>();
    variants.set(r.variantId, (variants.get(r.variantId) ?? 0) + r.quantity);
    byProduct.set(r.productId, variants);
  }
  const items: TransactItem[] = [];
  for (const [productId, variants] of byProduct) {
    // An unpublished product cannot be sold, even by a checkout priced just before it was unpublished.
    const names: Record<string, string> = { '#published': 'published' };
    const values: Record<string, number | boolean> = { ':published': true };
    const sets: string[] = [];
    const conditions: string[] = ['(attribute_not_exists(#published) OR #published = :published)'];
    [...variants].forEach(([variantId, quantity], i) => {
      // Variant ids go through placeholders: they are data, and may collide with reserved words.
      names[`#v${i}`] = variantId;
      values[`:q${i}`] = quantity;
      sets.push(`stock.#v${i} = stock.#v${i} - :q${i}`);
      conditions.push(`stock.#v${i} >= :q${i}`);
    });
    items.push({
      Update: {
        TableName: tableName('products'),
        Key: { id: productId },
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    });
  }
  return items;
}

/**
 * The stock items of one checkout transaction. Ledger lines (ADR 0029) each take their units from one shard picked
 * at random among those holding enough (several only for a line bigger than any shard), from the shards the pass
 * priced with (`known`, the first send) or read again (a resend after a conflict), so a retry picks afresh; the condition `units >= :q` on each shard is
 * what makes overselling impossible. null when the ledger no longer holds a line's units at all (the caller treats
 * it as stock running short: a fresh pass re-prices and refuses, or finds a restock).
 */
export async function stockDecrementItems(
  requests: StockRequest[],
  ledgerProducts: readonly string[],
  known?: ReadonlyMap<string, Shard[]>,
  random = Math.random,
): Promise<TransactItem[] | null> {
  const ledger = new Set(ledgerProducts);
  const onLedger = requests.filter((r) => ledger.has(r.productId));
  const items = productStockItems(requests.filter((r) => !ledger.has(r.productId)));
  if (onLedger.length === 0) return items;
  const merged = new Map<string, StockRequest>();
  for (const r of onLedger) {
    const key = `${r.productId}\u0000${r.variantId}`;
    merged.set(key, { ...r, quantity: (merged.get(key)?.quantity ?? 0) + r.quantity });
  }
  const ids = [...new Set(onLedger.map((r) => r.productId))];
  const shards = known && ids.every((id) => known.has(id)) ? known : await readShards(ids);
  for (const r of merged.values()) {
    const takes = pickShards(r.productId, r.variantId, r.quantity, shards.get(r.productId) ?? [], random);
    if (!takes) return null;
    items.push(...takes.map(takeItem));
  }
  return items;
}
