import { describe, expect, it } from 'vitest';
import { listAllKey } from '../../platform/db/tables';
import type { ProductRecord } from '../contract';
import { productChanged } from './product-changed';

const record: ProductRecord = {
  id: 'p-1',
  slug: 'one',
  name: 'One',
  category: 'coffee',
  brand: 'Ember',
  description: 'Good.',
  images: ['/a.png'],
  variants: [{ id: 'v1', options: { weight: '250 g', grind: 'Espresso' }, price: 1599 }],
  stock: { v1: 3 },
  currency: 'USD',
  minPrice: 1599,
  rating: 4.3,
  reviewCount: 2,
  ratingSort: 4_300_002,
  featuredRank: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  listAll: listAllKey('p-1'),
  tags: [],
};

describe('productChanged', () => {
  it('treats a stored copy with map keys in another order and extra attributes as unchanged', () => {
    const stored = { ...record, stock: { v1: 3 }, variants: [{ price: 1599, options: { grind: 'Espresso', weight: '250 g' }, id: 'v1' }], searchText: 'x' };
    expect(productChanged(record, stored)).toBe(false);
  });

  it('sees a new price, a stock change and a missing item', () => {
    expect(productChanged({ ...record, variants: [{ ...record.variants[0]!, price: 1499 }] }, { ...record })).toBe(true);
    expect(productChanged(record, { ...record, stock: { v1: 2 } })).toBe(true);
    expect(productChanged(record, undefined)).toBe(true);
  });
});
