import { describe, expect, it } from 'vitest';
import { basketPairs, MAX_BASKET, mergeTop } from './bought-together-store';

describe('basketPairs', () => {
  it('pairs every distinct product with every other, in the same order whatever the line order', () => {
    expect(basketPairs(['b', 'a', 'b'])).toEqual([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(basketPairs(['c', 'a', 'b'])).toEqual(basketPairs(['b', 'c', 'a']));
    expect(basketPairs(['a'])).toEqual([]);
  });

  it(`pairs at most the first ${MAX_BASKET} products by id`, () => {
    const ids = Array.from({ length: MAX_BASKET + 5 }, (_, i) => `p${String(i).padStart(3, '0')}`);
    const pairs = basketPairs(ids);
    expect(pairs).toHaveLength(MAX_BASKET * (MAX_BASKET - 1));
    expect(pairs.flat()).not.toContain(ids[MAX_BASKET]);
  });
});

describe('mergeTop', () => {
  it('keeps the larger count of each partner, sorts by count then id, and cuts to n', () => {
    const current = [
      { id: 'x', orders: 5 },
      { id: 'y', orders: 2 },
    ];
    expect(
      mergeTop(
        current,
        [
          { id: 'y', orders: 6 },
          { id: 'z', orders: 2 },
          { id: 'x', orders: 4 },
        ],
        2,
      ),
    ).toEqual([
      { id: 'y', orders: 6 },
      { id: 'x', orders: 5 },
    ]);
  });

  it('gives the same list whatever order the copies arrive in, and copying again changes nothing', () => {
    const a = [{ id: 'p', orders: 3 }];
    const b = [
      { id: 'p', orders: 1 },
      { id: 'q', orders: 3 },
    ];
    const once = mergeTop(mergeTop([], a), b);
    expect(mergeTop(mergeTop([], b), a)).toEqual(once);
    expect(mergeTop(once, b)).toEqual(once);
    expect(once).toEqual([
      { id: 'p', orders: 3 },
      { id: 'q', orders: 3 },
    ]);
  });
});
