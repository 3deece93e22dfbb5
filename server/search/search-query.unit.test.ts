import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../platform/http/respond';
import { SEARCH_LIST_PARAMS, searchPageQuerySchema, searchQuerySchema } from './search-query';

// One schema read two ways: the API refuses what the page forgives, and the page never hands searchProducts
// anything the API would refuse (the page once passed an inverted price range through and answered 500).

/** The page's parsed state written back as the query string a link or the pager would carry. */
function asQuery(state: Record<string, unknown>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(state).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v.map(String) : String(v)]])));
}

describe('search query schema', () => {
  it('refuses an inverted price range at the API, naming minPrice', () => {
    const parsed = searchQuerySchema.safeParse({ q: 'shoe', minPrice: '5000', maxPrice: '1000' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['minPrice']);
  });

  it('drops an inverted price range on the page and keeps the rest of the search', () => {
    expect(searchPageQuerySchema.parse({ q: 'shoe', minPrice: '5000', maxPrice: '1000', sort: 'price-asc' })).toEqual({
      q: 'shoe',
      sort: 'price-asc',
      minPrice: undefined,
      maxPrice: undefined,
    });
  });

  it('takes only category slugs the catalog can have, on both sides', () => {
    expect(searchQuerySchema.safeParse({ category: '-shoes' }).success).toBe(false);
    expect(searchPageQuerySchema.parse({ category: '-shoes' }).category).toBeUndefined();
    expect(searchPageQuerySchema.parse({ category: 'shoes' }).category).toBe('shoes');
  });

  it('reads inStock=false as no filter on both sides', () => {
    expect(searchQuerySchema.parse({ inStock: 'false' }).inStock).toBe(false);
    expect(searchPageQuerySchema.parse({ inStock: 'false' }).inStock).toBe(false);
    expect(searchPageQuerySchema.parse({ inStock: '1' }).inStock).toBe(true);
  });

  it('gives a bad field its default on the page instead of failing the page', () => {
    expect(searchPageQuerySchema.parse({ q: 'x'.repeat(201), sort: 'cheapest', minRating: '9', cursor: '' })).toEqual({ q: '', sort: 'relevance' });
  });

  it('never produces a page query that the API would refuse', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer({ min: -5, max: 100_000 }).map(String),
      fc.constantFrom('true', 'false', '1', '0', 'price-asc', 'rating', 'shoes', '-shoes', '1.5', '1e3', ''),
    );
    const raw = fc.record(
      {
        q: value,
        category: value,
        minPrice: value,
        maxPrice: value,
        minRating: value,
        inStock: value,
        sort: value,
        cursor: value,
        brand: fc.oneof(value, fc.array(value, { maxLength: 4 })),
        colour: fc.array(value, { maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(raw, (query) => {
        const page = searchPageQuerySchema.parse(query);
        expect(searchQuerySchema.safeParse(asQuery(page)).success).toBe(true);
      }),
    );
  });
});

describe('brand, size and colour on /search (issue 27)', () => {
  it('reads each as a list at the API, one value or several, and refuses a blank value naming it', () => {
    expect(searchQuerySchema.parse({ q: 'jacket', brand: 'Northwind' }).brand).toEqual(['Northwind']);
    expect(searchQuerySchema.parse({ q: 'jacket', colour: ['Teal', 'Sage'], size: ['M'] })).toMatchObject({ colour: ['Teal', 'Sage'], size: ['M'] });
    expect(searchQuerySchema.parse({ q: 'jacket' }).brand).toBeUndefined();
    const blank = searchQuerySchema.safeParse({ q: 'jacket', colour: ['Teal', ' '] });
    expect(blank.success).toBe(false);
    expect(blank.error?.issues.map((i) => i.path.join('.'))).toEqual(['colour.1']);
    expect(searchQuerySchema.safeParse({ brand: Array.from({ length: 31 }, (_, i) => `b${i}`) }).success).toBe(false);
  });

  it('drops blanks on the page and reads none chosen as absent', () => {
    expect(searchPageQuerySchema.parse({ q: 'jacket', brand: ['', 'Northwind'], colour: '' })).toEqual({
      q: 'jacket',
      sort: 'relevance',
      brand: ['Northwind'],
    });
    expect(searchPageQuerySchema.parse({ q: 'jacket', size: 'x'.repeat(81) })).toEqual({ q: 'jacket', sort: 'relevance' });
  });

  it('takes repeated parameters from a request as lists, and single ones as before', () => {
    const req = new Request('http://shop.test/api/search?q=jacket&brand=Northwind&brand=Alpen+Co&colour=Teal&sort=rating');
    expect(parseQuery(req, searchQuerySchema, SEARCH_LIST_PARAMS)).toMatchObject({
      q: 'jacket',
      brand: ['Northwind', 'Alpen Co'],
      colour: ['Teal'],
      sort: 'rating',
    });
    // Without the list names, a repeated parameter keeps its last value, as every other route reads it.
    expect(parseQuery(req, searchQuerySchema).brand).toEqual(['Alpen Co']);
  });
});
