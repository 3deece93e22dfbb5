import { describe, expect, it } from 'vitest';
import { buildCoPurchase } from './co-purchase';
import { type Candidate, rankSimilar } from './rank-candidates';

const c = (id: string, category = 'shoes', inStock = true, rating = 4): [string, Candidate] => [id, { id, category, rating, inStock }];

describe('local recommendation ranking', () => {
  const index = buildCoPurchase([
    ['a', 'b', 'c'],
    ['a', 'b'],
    ['a', 'c', 'd'],
    ['a', 'b', 'a'],
    ['x', 'y'],
  ]);

  it('counts each co-purchase once per order', () => {
    expect(index.pairs.get('a')?.get('b')).toBe(3);
    expect(index.pairs.get('a')?.get('c')).toBe(2);
    expect(index.orders.get('a')).toBe(4);
  });

  it('ranks co-purchased products first and never recommends the product itself', () => {
    const candidates = new Map([c('a'), c('b'), c('c'), c('d'), c('e')]);
    const out = rankSimilar({ seedIds: ['a'], categories: new Set(['shoes']), index, candidates, limit: 4 });
    expect(out).toEqual(['b', 'c', 'd', 'e']);
  });

  it('skips out-of-stock products', () => {
    const candidates = new Map([c('a'), c('b', 'shoes', false), c('c'), c('d')]);
    expect(rankSimilar({ seedIds: ['a'], categories: new Set(['shoes']), index, candidates, limit: 5 })).toEqual(['c', 'd']);
  });

  it('fills a cold product from its category by popularity, then rating', () => {
    const candidates = new Map([c('new'), c('b', 'shoes', true, 3), c('e', 'shoes', true, 5), c('y', 'books')]);
    expect(rankSimilar({ seedIds: ['new'], categories: new Set(['shoes']), index, candidates, limit: 3 })).toEqual(['b', 'e']);
  });
});
