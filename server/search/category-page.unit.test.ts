import { describe, expect, it } from 'vitest';
import type { ProductRecord } from '../catalog/contract';
import { ProductSearchIndex } from './product-search-index';
import { runSearch } from './run-search';
import { categoryPageQuerySchema, categoryPageSearch } from './search-query';
import { FIXTURE_CATEGORIES, fixtureProducts } from './testing/product-fixtures';

// A category page (/c/[category], issue 27) is a browse over one category through the search's facet code: its
// URL state parses forgivingly, its filters narrow the list, its counts are what each choice would show, and its
// numbered pages cover the list exactly once.

const records = fixtureProducts();
const index = new ProductSearchIndex(FIXTURE_CATEGORIES);
for (const r of records) index.upsert(r);
const inStock = (r: ProductRecord) => r.variants.some((v) => (r.stock[v.id] ?? 0) > 0);
const CATEGORY = 'apparel';
const inCategory = records.filter((r) => r.category === CATEGORY);

describe('category page state', () => {
  it('reads a price band, a rating, stock, sort and page from the URL', () => {
    const state = categoryPageQuerySchema.parse({ price: '25-50', minRating: '4', inStock: 'true', sort: 'price-asc', page: '3' });
    expect(state).toEqual({ price: '25-50', minRating: 4, inStock: true, sort: 'price-asc', page: 3, brand: [], size: [], colour: [] });
    expect(categoryPageSearch(CATEGORY, state, 24)).toMatchObject({
      q: '',
      category: CATEGORY,
      minPrice: 2_500,
      maxPrice: 4_999,
      minRating: 4,
      inStock: true,
      page: 3,
    });
  });

  it('drops what it cannot read instead of failing, and reads "Any rating" (empty) as no filter', () => {
    const state = categoryPageQuerySchema.parse({ price: 'cheap', minRating: '', inStock: 'maybe', sort: 'relevance', page: '0' });
    expect(state).toEqual({ price: undefined, minRating: undefined, inStock: undefined, sort: 'featured', page: 1, brand: [], size: [], colour: [] });
    expect(categoryPageSearch(CATEGORY, state, 24)).toMatchObject({ sort: 'relevance', minPrice: undefined, maxPrice: undefined, minRating: undefined });
  });
});

describe('category page results', () => {
  it('counts each price band, rating and stock within the category, with the other filters applied', () => {
    const state = categoryPageQuerySchema.parse({ inStock: 'true' });
    const result = runSearch(index, categoryPageSearch(CATEGORY, state, 24));
    const stocked = inCategory.filter(inStock);
    expect(result.total).toBe(stocked.length);
    expect(result.total).toBeLessThan(inCategory.length);
    const band = result.facets.price.find((b) => b.id === '25-50')!;
    expect(band.count).toBe(stocked.filter((r) => r.minPrice >= 2_500 && r.minPrice <= 4_999).length);
    // Stock's own count ignores the stock filter's effect only on itself: it is the in-stock products of the category.
    expect(result.facets.inStock.count).toBe(stocked.length);
    expect(result.facets.rating.find((r) => r.min === 4)!.count).toBe(stocked.filter((r) => r.rating >= 4).length);
  });

  it('a price band narrows the list to its own count', () => {
    const all = runSearch(index, categoryPageSearch(CATEGORY, categoryPageQuerySchema.parse({}), 24));
    const band = all.facets.price.find((b) => b.count > 0 && b.count < all.total)!;
    const narrowed = runSearch(index, categoryPageSearch(CATEGORY, categoryPageQuerySchema.parse({ price: band.id }), 100));
    expect(narrowed.total).toBe(band.count);
    for (const item of narrowed.items) {
      expect(item.price.amount).toBeGreaterThanOrEqual(band.min);
      if (band.max !== null) expect(item.price.amount).toBeLessThanOrEqual(band.max);
    }
  });

  it('numbered pages cover the category once, in order, and a page past the end is empty with the true total', () => {
    const size = 7;
    const first = runSearch(index, categoryPageSearch(CATEGORY, categoryPageQuerySchema.parse({ sort: 'price-asc' }), size));
    const pages = Math.ceil(first.total / size);
    expect(pages).toBeGreaterThan(2);
    const ids: string[] = [];
    const prices: number[] = [];
    for (let page = 1; page <= pages; page++) {
      const result = runSearch(index, categoryPageSearch(CATEGORY, categoryPageQuerySchema.parse({ sort: 'price-asc', page: String(page) }), size));
      ids.push(...result.items.map((i) => i.id));
      prices.push(...result.items.map((i) => i.price.amount));
    }
    expect(ids.length).toBe(inCategory.length);
    expect(new Set(ids).size).toBe(inCategory.length);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const past = runSearch(index, categoryPageSearch(CATEGORY, categoryPageQuerySchema.parse({ page: String(pages + 1) }), size));
    expect(past.items).toEqual([]);
    expect(past.total).toBe(first.total);
  });
});
