import { describe, expect, it } from 'vitest';
import { shopperQuery } from './contract';
import { shopperQuerySchema } from './shopper-query';

// The browser builds GET /api/shopper's query from the islands' needs (contract.ts) and the route parses it
// (shopper-query.ts): one page view, one query, whatever order the islands registered in (ADR 0028).

const parse = (query: string) => shopperQuerySchema.safeParse(Object.fromEntries(new URLSearchParams(query)));

describe('the query the islands of a page ask with', () => {
  it('is empty for the base alone, so the route answers what it always did', () => {
    expect(shopperQuery([])).toBe('');
    expect(shopperQuery([{ parts: [] }])).toBe('');
  });

  it('is the union of every island’s parts, in one stable order, whatever order they registered in', () => {
    const hearts = { parts: ['wishlist'] } as const;
    const recs = { parts: ['recommendations'], productId: 'p1' } as const;
    const recent = { parts: ['recentlyViewed'], productId: 'p1' } as const;
    const a = shopperQuery([hearts, recs, recent, hearts]);
    expect(a).toBe(shopperQuery([recent, hearts, recs]));
    expect(new URLSearchParams(a).get('include')).toBe('wishlist,recentlyViewed,recommendations');
    expect(new URLSearchParams(a).get('productId')).toBe('p1');
  });

  it('names a product only for the parts that read one: a grid of hearts asks the same anywhere', () => {
    expect(shopperQuery([{ parts: ['wishlist'], productId: 'p1' }])).toBe(shopperQuery([{ parts: ['wishlist'] }]));
  });

  it('parses back to what was asked, each part once', () => {
    const asked = parse(shopperQuery([{ parts: ['recommendations', 'wishlist'], productId: 'p-9' }]).slice(1));
    expect(asked.success && asked.data).toEqual({ include: ['wishlist', 'recommendations'], productId: 'p-9' });
    const repeated = parse('include=wishlist,wishlist');
    expect(repeated.success && repeated.data.include).toEqual(['wishlist']);
    const none = parse('');
    expect(none.success && none.data).toEqual({ include: [] });
  });

  it('refuses a part it does not know and a product id that is not one', () => {
    expect(parse('include=wishlist,orders').success).toBe(false);
    expect(parse('include=recommendations&productId=../etc').success).toBe(false);
  });
});
