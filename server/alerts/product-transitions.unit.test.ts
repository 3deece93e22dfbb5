import { describe, expect, it } from 'vitest';
import { priceFell, restockedVariants } from './product-transitions';

const image = (stock: Record<string, number>, minPrice = 1_000) => ({
  stock,
  minPrice,
  variants: Object.keys(stock).map((id) => ({ id, options: {}, price: minPrice })),
});

describe('alert transitions', () => {
  it('sees a variant going from 0 (or missing, or below 0) to in stock, and nothing else', () => {
    expect(restockedVariants({ oldImage: image({ a: 0, b: 3, c: -1 }), newImage: image({ a: 2, b: 5, c: 1 }) })).toEqual(['a', 'c']);
    expect(restockedVariants({ oldImage: image({ a: 0 }), newImage: image({ a: 0 }) })).toEqual([]);
    expect(restockedVariants({ oldImage: image({ a: 4 }), newImage: image({ a: 0 }) })).toEqual([]);
    expect(restockedVariants({ oldImage: null, newImage: image({ a: 4 }) })).toEqual([]);
  });

  it('sees the lowest price falling, not rising or staying', () => {
    expect(priceFell({ oldImage: image({ a: 1 }, 1_000), newImage: image({ a: 1 }, 900) })).toBe(true);
    expect(priceFell({ oldImage: image({ a: 1 }, 1_000), newImage: image({ a: 1 }, 1_000) })).toBe(false);
    expect(priceFell({ oldImage: image({ a: 1 }, 1_000), newImage: image({ a: 1 }, 1_100) })).toBe(false);
  });
});
