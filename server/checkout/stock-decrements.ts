import { type TransactItem, tableName } from '../platform/db';

export type StockRequest = { productId: string; variantId: string; quantity: number };

/**
 * One Update per product (ADR 0001): a transaction may touch an item only once, so two variants of one product
 * become one Update with a decrement and a `stock.#v >= :q` condition for each. A missing variant fails the
 * condition too, so a withdrawn variant cannot be sold.
 */
export function stockDecrementItems(requests: StockRequest[]): { productIds: string[]; items: TransactItem[] } {
  const byProduct = new Map<string, Map<string, number>>();
  for (const r of requests) {
    const variants = byProduct.get(r.productId) ?? new Map<string, number>();
    variants.set(r.variantId, (variants.get(r.variantId) ?? 0) + r.quantity);
    byProduct.set(r.productId, variants);
  }
  const productIds: string[] = [];
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
    productIds.push(productId);
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
  return { productIds, items };
}
