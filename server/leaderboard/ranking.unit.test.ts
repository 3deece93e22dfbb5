import { describe, expect, it } from 'vitest';
import { sortRanking } from './ranking';

describe('sortRanking (the DynamoDB fallback order)', () => {
  it('puts the highest count first and breaks ties like Redis ZREVRANGE (descending product id)', () => {
    const sorted = sortRanking([
      { productId: 'a', sold: 5 },
      { productId: 'c', sold: 5 },
      { productId: 'b', sold: 9 },
      { productId: 'B', sold: 5 },
    ]);
    expect(sorted.map((e) => e.productId)).toEqual(['b', 'c', 'a', 'B']);
  });

  it('leaves out counters that never counted a unit', () => {
    expect(sortRanking([{ productId: 'x', sold: 0 }])).toEqual([]);
  });
});
