import { describe, expect, it } from 'vitest';
import type { ProductRecord } from '../catalog/contract';
import { AppError } from '../platform/errors';
import { encodeCursor } from '../platform/pagination';
import type { SearchFacets, SearchParams, SearchResult, SearchSort } from './contract';
import { compareSizes, PRICE_BANDS, RATING_THRESHOLDS, type SearchFilters } from './facet-counts';
import { ProductSearchIndex } from './product-search-index';
import { runSearch } from './run-search';
import { FIXTURE_CATEGORIES, fixtureProducts } from './testing/product-fixtures';

const records = fixtureProducts();
const byId = new Map(records.map((r) => [r.id, r]));
const index = new ProductSearchIndex(FIXTURE_CATEGORIES);
for (const r of records) index.upsert(r);

function everyPage(params: SearchParams): { ids: string[]; pages: SearchResult[] } {
  const pages: SearchResult[] = [];
  let cursor: string | undefined;
  do {
    const page = runSearch(index, { ...params, cursor });
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 1000);
  return { ids: pages.flatMap((p) => p.items.map((i) => i.id)), pages };
}

function expectAppError(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(code);
    return;
  }
  throw new Error(`expected AppError ${code}`);
}

const inStock = (r: ProductRecord) => r.variants.some((v) => (r.stock[v.id] ?? 0) > 0);

const optionValuesOf = (r: ProductRecord, name: RegExp) => [
  ...new Set(r.variants.flatMap((v) => Object.entries(v.options).flatMap(([k, value]) => (name.test(k) ? [value] : [])))),
];
const sizesOf = (r: ProductRecord) => optionValuesOf(r, /^size$/);
const coloursOf = (r: ProductRecord) => optionValuesOf(r, /^colou?r$/);

/** The facets recounted the slow, obvious way from the fixture records. */
function bruteForceFacets(textMatched: ProductRecord[], f: SearchFilters): SearchFacets {
  const passes = (r: ProductRecord, skip: keyof SearchFilters | 'price' | null) =>
    (skip === 'category' || f.category === undefined || r.category === f.category) &&
    (skip === 'price' || ((f.minPrice === undefined || r.minPrice >= f.minPrice) && (f.maxPrice === undefined || r.minPrice <= f.maxPrice))) &&
    (skip === 'minRating' || f.minRating === undefined || r.rating >= f.minRating) &&
    (skip === 'inStock' || f.inStock !== true || inStock(r)) &&
    (skip === 'brand' || !f.brand?.length || f.brand.includes(r.brand)) &&
    (skip === 'size' || !f.size?.length || sizesOf(r).some((v) => f.size!.includes(v))) &&
    (skip === 'colour' || !f.colour?.length || coloursOf(r).some((v) => f.colour!.includes(v)));
  const valueCounts = (skip: 'brand' | 'size' | 'colour', valuesOf: (r: ProductRecord) => string[], order: (a: string, b: string) => number) => {
    const counts = new Map<string, number>();
    for (const r of textMatched.filter((x) => passes(x, skip))) for (const v of valuesOf(r)) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => order(a.value, b.value));
  };
  const slugs = [...new Set(textMatched.filter((r) => passes(r, 'category')).map((r) => r.category))];
  return {
    category: slugs
      .map((slug) => ({
        slug,
        name: FIXTURE_CATEGORIES.find((c) => c.slug === slug)!.name,
        count: textMatched.filter((r) => r.category === slug && passes(r, 'category')).length,
      }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    price: PRICE_BANDS.map((band) => ({
      ...band,
      count: textMatched.filter((r) => passes(r, 'price') && r.minPrice >= band.min && (band.max === null || r.minPrice <= band.max)).length,
    })),
    rating: RATING_THRESHOLDS.map((t) => ({ ...t, count: textMatched.filter((r) => passes(r, 'minRating') && r.rating >= t.min).length })),
    inStock: { count: textMatched.filter((r) => passes(r, 'inStock') && inStock(r)).length },
    brand: valueCounts(
      'brand',
      (r) => [r.brand],
      (a, b) => a.localeCompare(b),
    ),
    size: valueCounts('size', sizesOf, compareSizes),
    colour: valueCounts('colour', coloursOf, (a, b) => a.localeCompare(b)),
  };
}

describe('facets', () => {
  const combos: { q: string; filters: SearchFilters }[] = [
    { q: '', filters: {} },
    { q: '', filters: { category: 'apparel' } },
    { q: 'tee', filters: { category: 'outdoor', inStock: true } },
    { q: 'cotton', filters: { minPrice: 2_500, maxPrice: 9_999, minRating: 3 } },
    { q: '', filters: { category: 'shoes', minPrice: 10_000, minRating: 4, inStock: true } },
    { q: 'shoes', filters: { maxPrice: 4_999 } },
    { q: 'organic', filters: { minRating: 4.5, inStock: true, category: 'apparel', minPrice: 0, maxPrice: 20_000 } },
    { q: '', filters: { brand: ['Stride', 'Sonora'] } },
    { q: '', filters: { category: 'apparel', size: ['M', 'L'], colour: ['Red', 'Navy', 'Olive'] } },
    { q: 'shoes', filters: { colour: ['Blue'], inStock: true, maxPrice: 20_000, brand: ['Stride', 'Northpeak', 'Fellside'] } },
  ];

  for (const { q, filters } of combos) {
    it(`match a brute-force recount for q="${q}" ${JSON.stringify(filters)}`, () => {
      const textMatched = q === '' ? records : index.matchText(q).map((m) => byId.get(m.entry.id)!);
      const expected = bruteForceFacets(textMatched, filters);
      const result = runSearch(index, { q, ...filters, limit: 100 });
      expect(result.facets).toEqual(expected);
      const all = everyPage({ q, ...filters, limit: 100 }).ids;
      expect(all.length).toBe(result.total);
      for (const id of all) {
        const r = byId.get(id)!;
        if (filters.category) expect(r.category).toBe(filters.category);
        if (filters.minPrice !== undefined) expect(r.minPrice).toBeGreaterThanOrEqual(filters.minPrice);
        if (filters.maxPrice !== undefined) expect(r.minPrice).toBeLessThanOrEqual(filters.maxPrice);
        if (filters.minRating !== undefined) expect(r.rating).toBeGreaterThanOrEqual(filters.minRating);
        if (filters.inStock) expect(inStock(r)).toBe(true);
        if (filters.brand) expect(filters.brand).toContain(r.brand);
        if (filters.size) expect(sizesOf(r).some((v) => filters.size!.includes(v))).toBe(true);
        if (filters.colour) expect(coloursOf(r).some((v) => filters.colour!.includes(v))).toBe(true);
      }
    });
  }

  it('are disjunctive: picking a category leaves the other categories counted', () => {
    const unfiltered = runSearch(index, { q: 'tee' });
    const filtered = runSearch(index, { q: 'tee', category: 'outdoor' });
    expect(filtered.facets.category).toEqual(unfiltered.facets.category);
    expect(filtered.facets.category.map((c) => c.slug).sort()).toEqual(['apparel', 'outdoor']);
    expect(filtered.total).toBe(unfiltered.facets.category.find((c) => c.slug === 'outdoor')!.count);
    // The other facets do narrow to the chosen category.
    expect(filtered.facets.inStock.count).toBeLessThan(unfiltered.facets.inStock.count);
  });

  it('are disjunctive for price: a price filter keeps every band counted', () => {
    const unfiltered = runSearch(index, { q: '' });
    const filtered = runSearch(index, { q: '', minPrice: 2_500, maxPrice: 4_999 });
    expect(filtered.facets.price).toEqual(unfiltered.facets.price);
    expect(filtered.total).toBe(unfiltered.facets.price.find((b) => b.id === '25-50')!.count);
  });
});

describe('sorting', () => {
  const sorted = (sort: SearchSort) => everyPage({ q: '', sort, limit: 50 }).ids.map((id) => byId.get(id)!);

  it('orders by lowest variant price, both ways', () => {
    const asc = sorted('price-asc').map((r) => r.minPrice);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = sorted('price-desc').map((r) => r.minPrice);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
  });

  it('orders by rating, then by number of reviews', () => {
    const r = sorted('rating').map((p) => p.ratingSort);
    expect(r).toEqual([...r].sort((a, b) => b - a));
  });

  it('orders by newest first', () => {
    const dates = sorted('newest').map((p) => p.createdAt);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('browses in merchandised order when there is no query', () => {
    const ranks = sorted('relevance').map((p) => p.featuredRank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('answers the lowest variant price and the first image', () => {
    const item = runSearch(index, { q: 'wireless headphones' }).items[0]!;
    expect(item).toEqual({
      id: 'wireless-headphones',
      slug: 'wireless-headphones',
      name: 'Wireless Noise-Cancelling Headphones',
      category: 'audio',
      price: { amount: 19_999, currency: 'USD' },
      image: '/images/products/wireless-headphones-1.webp',
      rating: 4.6,
      reviewCount: 812,
    });
  });
});

describe('cursor pagination', () => {
  it('reaches every hit exactly once past 100 results', () => {
    const { ids, pages } = everyPage({ q: 'tee', sort: 'price-asc', limit: 7 });
    const total = pages[0]!.total;
    expect(total).toBeGreaterThan(100);
    expect(ids.length).toBe(total);
    expect(new Set(ids).size).toBe(total);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    expect(pages.slice(0, -1).every((p) => p.items.length === 7)).toBe(true);
  });

  it('lets the page size change between pages', () => {
    const first = runSearch(index, { q: 'tee', limit: 10 });
    const second = runSearch(index, { q: 'tee', limit: 30, cursor: first.nextCursor! });
    const straight = runSearch(index, { q: 'tee', limit: 40 });
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(straight.items.map((i) => i.id));
  });

  it('refuses a malformed cursor with INVALID_CURSOR', () => {
    expectAppError(() => runSearch(index, { q: 'tee', cursor: 'not a cursor!' }), 'INVALID_CURSOR');
    expectAppError(() => runSearch(index, { q: 'tee', cursor: Buffer.from('{"o":').toString('base64url') }), 'INVALID_CURSOR');
    expectAppError(() => runSearch(index, { q: 'tee', cursor: encodeCursor({ o: -5, f: 'AAAAAAAAAAAAAAAA' }) }), 'INVALID_CURSOR');
  });

  it('refuses a cursor from another search with INVALID_CURSOR', () => {
    const cursor = runSearch(index, { q: 'tee', limit: 5 }).nextCursor!;
    expectAppError(() => runSearch(index, { q: 'tee', sort: 'newest', cursor }), 'INVALID_CURSOR');
    expectAppError(() => runSearch(index, { q: 'shoes', cursor }), 'INVALID_CURSOR');
    expectAppError(() => runSearch(index, { q: 'tee', category: 'apparel', cursor }), 'INVALID_CURSOR');
    // Same words, different spacing and case: the same search.
    expect(runSearch(index, { q: '  TEE ', cursor }).items.length).toBeGreaterThan(0);
  });

  it('refuses out-of-range input with VALIDATION_FAILED', () => {
    expectAppError(() => runSearch(index, { q: '', limit: 101 }), 'VALIDATION_FAILED');
    expectAppError(() => runSearch(index, { q: '', minPrice: 5_000, maxPrice: 100 }), 'VALIDATION_FAILED');
    expectAppError(() => runSearch(index, { q: 'x'.repeat(201) }), 'VALIDATION_FAILED');
  });
});

describe('zero hits', () => {
  it('suggests a corrected query from the index vocabulary', () => {
    const result = runSearch(index, { q: 'hedfones' });
    expect(result.total).toBe(0);
    expect(result.suggestions?.didYouMean).toContain('headphones');
    expect(result.suggestions?.popularCategories[0]).toEqual({ slug: 'apparel', name: 'Apparel', count: 136 });
  });

  it('offers popular categories when nothing is close', () => {
    const result = runSearch(index, { q: 'zzqxv' });
    expect(result.items).toEqual([]);
    expect(result.nextCursor).toBeNull();
    expect(result.suggestions?.didYouMean).toEqual([]);
    expect(result.suggestions?.popularCategories.length).toBeGreaterThan(0);
  });

  it('does not suggest corrections when only filters emptied the page', () => {
    const result = runSearch(index, { q: 'headphones', maxPrice: 100 });
    expect(result.total).toBe(0);
    expect(result.suggestions?.didYouMean).toEqual([]);
    expect(result.facets.price.find((b) => b.id === '100-200')!.count).toBe(2);
  });

  it('leaves suggestions out when there are hits', () => {
    expect(runSearch(index, { q: 'tee' }).suggestions).toBeUndefined();
  });
});
