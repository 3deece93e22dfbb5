import { describe, expect, it } from 'vitest';
import { MAX_REVIEW_COUNT, type ValidCatalogRow } from './catalog-row-schema';
import { jsonSourceRows } from './read-catalog-json';
import { ratingSortKey, toCategoryUpserts, toProductRecord } from './to-product-record';
import { validateCatalogRows } from './validate-catalog-rows';

function valid(rows: unknown[]): ValidCatalogRow[] {
  const result = validateCatalogRows(jsonSourceRows(rows));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.rows;
}

const row = {
  slug: 'coffee-one',
  name: 'Coffee One',
  category: 'coffee',
  categoryName: 'Coffee',
  brand: 'Ember',
  description: 'Good coffee.',
  images: ['/images/products/coffee.p-1.1.png'],
  tags: ['Coffee', 'coffee', 'Beans'],
  rating: 4.3,
  reviewCount: 250,
  createdAt: '2026-03-01T12:00:00+02:00',
  featuredRank: 7,
  variants: [
    { id: 'c1-250', options: { weight: '250 g' }, price: 1599, stock: 4 },
    { id: 'c1-1k', options: { weight: '1 kg' }, price: 4999, stock: 0 },
  ],
};

describe('import row to stored product', () => {
  it('derives the listing keys and the stock map', () => {
    const [r] = valid([row]);
    const record = toProductRecord(r!);
    expect(record).toMatchObject({
      id: expect.stringMatching(/^p-/),
      minPrice: 1599,
      ratingSort: 4_300_250,
      listAll: expect.stringMatching(/^ALL#[0-7]$/),
      currency: 'USD',
      stock: { 'c1-250': 4, 'c1-1k': 0 },
      // UTC, so the newest-first index compares like with like.
      createdAt: '2026-03-01T10:00:00.000Z',
      tags: ['coffee', 'beans'],
    });
    expect(record.variants).toEqual([
      { id: 'c1-250', options: { weight: '250 g' }, price: 1599 },
      { id: 'c1-1k', options: { weight: '1 kg' }, price: 4999 },
    ]);
  });

  it('sorts a better rating above any number of reviews of a worse one', () => {
    expect(ratingSortKey(4.3, MAX_REVIEW_COUNT)).toBeLessThan(ratingSortKey(4.4, 0));
    expect(Number.isInteger(ratingSortKey(4.3, 1))).toBe(true);
  });

  it('collects each category once, keeping a description when any row gives one', () => {
    const rows = valid([row, { ...row, slug: 'coffee-two', categoryDescription: 'Roasted weekly.', variants: [{ ...row.variants[0], id: 'c2' }] }]);
    expect(toCategoryUpserts(rows)).toEqual([{ slug: 'coffee', name: 'Coffee', description: 'Roasted weekly.' }]);
  });
});
