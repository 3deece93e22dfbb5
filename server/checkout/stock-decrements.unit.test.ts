import { describe, expect, it } from 'vitest';
import { stockDecrementItems } from './stock-decrements';

describe('stock decrements', () => {
  it('groups two variants of one product into one Update with a condition each', () => {
    const { productIds, items } = stockDecrementItems([
      { productId: 'p1', variantId: 'red', quantity: 2 },
      { productId: 'p2', variantId: 'one', quantity: 1 },
      { productId: 'p1', variantId: 'blue', quantity: 3 },
    ]);
    expect(productIds).toEqual(['p1', 'p2']);
    expect(items).toHaveLength(2);
    const p1 = items[0]?.Update;
    expect(p1?.ConditionExpression).toBe('(attribute_not_exists(#published) OR #published = :published) AND stock.#v0 >= :q0 AND stock.#v1 >= :q1');
    expect(p1?.ExpressionAttributeNames).toEqual({ '#published': 'published', '#v0': 'red', '#v1': 'blue' });
    expect(p1?.ExpressionAttributeValues).toEqual({ ':published': true, ':q0': 2, ':q1': 3 });
  });
});
