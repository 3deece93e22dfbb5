import { describe, expect, it } from 'vitest';
import { addItemSchema, updateQuantitySchema } from './cart-limits';

describe('cart quantity limits', () => {
  it('takes 1–99 units when adding', () => {
    expect(addItemSchema.safeParse({ productId: 'p', variantId: 'v', quantity: 1 }).success).toBe(true);
    expect(addItemSchema.safeParse({ productId: 'p', variantId: 'v', quantity: 99 }).success).toBe(true);
    for (const quantity of [0, 100, -1, 1.5, '2']) {
      expect(addItemSchema.safeParse({ productId: 'p', variantId: 'v', quantity }).success).toBe(false);
    }
  });
  it('defaults to one unit and drops a client-sent price', () => {
    expect(addItemSchema.parse({ productId: 'p', variantId: 'v', price: { amount: 1, currency: 'USD' } })).toEqual({
      productId: 'p',
      variantId: 'v',
      quantity: 1,
    });
  });
  it('takes 0–99 when setting a quantity (0 removes)', () => {
    expect(updateQuantitySchema.safeParse({ quantity: 0 }).success).toBe(true);
    expect(updateQuantitySchema.safeParse({ quantity: 100 }).success).toBe(false);
  });
  it('refuses ids that are not ids', () => {
    expect(addItemSchema.safeParse({ productId: '../x', variantId: 'v' }).success).toBe(false);
    expect(addItemSchema.safeParse({ productId: '', variantId: 'v' }).success).toBe(false);
  });
});
