import { describe, expect, it } from 'vitest';
import type { Cart } from '@/server/cart/contract';
import { applyCartAction } from './optimistic-cart';

const usd = (amount: number) => ({ amount, currency: 'USD' as const });
const line = (lineId: string, unit: number, quantity: number) => ({
  lineId,
  productId: 'p',
  variantId: lineId,
  slug: 'p',
  name: lineId,
  category: 'c',
  image: '',
  options: {},
  unitPrice: usd(unit),
  quantity,
  lineTotal: usd(unit * quantity),
  available: true,
  availableQuantity: 10,
});
const cart: Cart = {
  id: 'c',
  items: [line('a', 500, 2), line('b', 250, 1)],
  subtotal: usd(1250),
  itemCount: 3,
  discountCode: null,
  discounts: [],
  discountTotal: usd(0),
  discountIssue: null,
};

describe('optimistic cart', () => {
  it('changes a quantity and the sums at once', () => {
    expect(applyCartAction(cart, { type: 'quantity', lineId: 'a', quantity: 3 })).toMatchObject({ subtotal: usd(1750), itemCount: 4 });
  });
  it('removes a line (and quantity 0 removes too)', () => {
    expect(applyCartAction(cart, { type: 'remove', lineId: 'a' }).items.map((i) => i.lineId)).toEqual(['b']);
    expect(applyCartAction(cart, { type: 'quantity', lineId: 'b', quantity: 0 })).toMatchObject({ subtotal: usd(1000), itemCount: 2 });
  });
});
