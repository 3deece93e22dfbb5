import { describe, expect, it } from 'vitest';
import type { ProductRecord } from '../catalog/contract';
import { listAllKey } from '../platform/db/tables';
import { money } from '../platform/money';
import { mergeLines } from './merge-guest-cart';
import { priceCart } from './price-cart';

function product(id: string, stock: Record<string, number>, prices: Record<string, number>): ProductRecord {
  return {
    id,
    slug: id,
    name: `Product ${id}`,
    category: 'c',
    brand: 'b',
    description: 'd',
    images: ['/images/products/x.png'],
    variants: Object.entries(prices).map(([vid, price]) => ({ id: vid, options: { size: vid }, price })),
    stock,
    currency: 'USD',
    minPrice: Math.min(...Object.values(prices)),
    rating: 4,
    reviewCount: 1,
    ratingSort: 4_000_001,
    featuredRank: 1,
    createdAt: '2025-01-01T00:00:00Z',
    listAll: listAllKey(id),
    tags: [],
  };
}
const line = (lineId: string, productId: string, variantId: string, quantity: number) => ({
  lineId,
  productId,
  variantId,
  quantity,
  addedAt: '2025-01-01T00:00:00Z',
});

describe('priceCart', () => {
  const products = new Map([['p1', product('p1', { s: 5, m: 0 }, { s: 1000, m: 1200 })]]);
  it('prices lines from the catalog and totals them', () => {
    const cart = priceCart('cart_x', [line('ln_1', 'p1', 's', 2)], products);
    expect(cart.items[0]).toMatchObject({ unitPrice: money(1000), lineTotal: money(2000), available: true, availableQuantity: 5, options: { size: 's' } });
    expect(cart).toMatchObject({ subtotal: money(2000), itemCount: 2 });
  });
  it('flags a sold-out variant, too large a quantity and a withdrawn product', () => {
    const cart = priceCart('cart_x', [line('a', 'p1', 'm', 1), line('b', 'p1', 's', 6), line('c', 'gone', 'x', 1)], products);
    expect(cart.items.map((i) => i.available)).toEqual([false, false, false]);
    expect(cart.items[2]).toMatchObject({ lineTotal: money(0), availableQuantity: 0 });
  });
});

describe('mergeLines (guest cart into user cart on sign-in)', () => {
  const products = new Map([['p1', product('p1', { s: 5, m: 200 }, { s: 1000, m: 1200 })]]);
  it('adds quantities, capped by stock', () => {
    const merged = mergeLines([line('u1', 'p1', 's', 3)], [line('g1', 'p1', 's', 4)], products);
    expect(merged).toEqual([expect.objectContaining({ lineId: 'u1', quantity: 5 })]);
  });
  it('caps at 99 per line and keeps new lines', () => {
    const merged = mergeLines([line('u1', 'p1', 'm', 60)], [line('g1', 'p1', 'm', 60), line('g2', 'p1', 's', 2)], products);
    expect(merged.map((l) => [l.variantId, l.quantity])).toEqual([
      ['m', 99],
      ['s', 2],
    ]);
  });
  it('drops guest lines that cannot be had', () => {
    expect(mergeLines([], [line('g', 'gone', 'x', 1)], products)).toEqual([]);
  });
});
