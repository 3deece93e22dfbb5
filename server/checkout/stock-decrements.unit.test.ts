import { describe, expect, it } from 'vitest';
import { pickShards, type Shard } from '../stock';
import { productStockItems } from './stock-decrements';

describe('stock decrements', () => {
  it('groups two variants of one product into one Update with a condition each (products without a ledger)', () => {
    const items = productStockItems([
      { productId: 'p1', variantId: 'red', quantity: 2 },
      { productId: 'p2', variantId: 'one', quantity: 1 },
      { productId: 'p1', variantId: 'blue', quantity: 3 },
    ]);
    expect(items).toHaveLength(2);
    const p1 = items[0]?.Update;
    expect(p1?.ConditionExpression).toBe('(attribute_not_exists(#published) OR #published = :published) AND stock.#v0 >= :q0 AND stock.#v1 >= :q1');
    expect(p1?.ExpressionAttributeNames).toEqual({ '#published': 'published', '#v0': 'red', '#v1': 'blue' });
    expect(p1?.ExpressionAttributeValues).toEqual({ ':published': true, ':q0': 2, ':q1': 3 });
  });
});

const shard = (n: number, units: number, extra: Partial<Shard> = {}): Shard => ({ variantId: 'v', shard: n, units, seq: 1, closed: false, ...extra });

describe('picking stock shards', () => {
  const shards = [shard(0, 3), shard(1, 0), shard(2, 5), shard(3, 1)];

  it('takes a line from one shard holding it whole, drawn by its units, skipping empty ones', () => {
    // Open shards 0, 2, 3 hold 3, 5 and 1 of 9 units: draws below 3/9 land on 0, below 8/9 on 2, above on 3.
    expect(pickShards('p', 'v', 2, shards, () => 0)).toEqual([{ productId: 'p', variantId: 'v', shard: 0, units: 2 }]);
    expect(pickShards('p', 'v', 2, shards, () => 0.5)).toEqual([{ productId: 'p', variantId: 'v', shard: 2, units: 2 }]);
    // Starting at shard 3 (1 unit), the first that holds 2 after it is shard 0.
    expect(pickShards('p', 'v', 2, shards, () => 0.95)).toEqual([{ productId: 'p', variantId: 'v', shard: 0, units: 2 }]);
    expect(pickShards('p', 'v', 1, shards, () => 0.95)).toEqual([{ productId: 'p', variantId: 'v', shard: 3, units: 1 }]);
  });

  it('sends buyers to the shards in proportion to their units', () => {
    const uneven = [shard(0, 90), shard(1, 10)];
    let draw = 0;
    const picks = Array.from({ length: 1000 }, () => pickShards('p', 'v', 1, uneven, () => (draw++ % 1000) / 1000)![0]!.shard);
    expect(picks.filter((s) => s === 0)).toHaveLength(900);
  });

  it('splits a line bigger than any shard over several, biggest first, and gives up when the total is short', () => {
    expect(pickShards('p', 'v', 8, shards, () => 0)).toEqual([
      { productId: 'p', variantId: 'v', shard: 2, units: 5 },
      { productId: 'p', variantId: 'v', shard: 0, units: 3 },
    ]);
    expect(pickShards('p', 'v', 10, shards, () => 0)).toBeNull();
  });

  it('never takes from a closed (unpublished) shard or another variant', () => {
    expect(pickShards('p', 'v', 1, [shard(0, 4, { closed: true }), shard(0, 4, { variantId: 'w' })], () => 0)).toBeNull();
  });
});
