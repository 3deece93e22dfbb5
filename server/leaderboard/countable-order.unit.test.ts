import { describe, expect, it } from 'vitest';
import { toCountableOrder } from './countable-order';

const placed = {
  userId: 'user#1',
  orderId: 'ord_1',
  status: 'PLACED',
  createdAt: '2026-01-01T00:00:00.000Z',
  items: [
    { productId: 'p1', variantId: 'p1-s', quantity: 1, name: 'Shoe' },
    { productId: 'p2', variantId: 'p2-a', quantity: 3 },
    { productId: 'p1', variantId: 'p1-m', quantity: 2 },
  ],
};

describe('toCountableOrder', () => {
  it('counts a placed order as units per product, variants summed', () => {
    const result = toCountableOrder(placed);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.order.userId).toBe('user#1');
    expect(result.order.orderId).toBe('ord_1');
    expect([...result.order.quantities]).toEqual([
      ['p1', 3],
      ['p2', 3],
    ]);
  });

  it('does not count an order inserted with another status', () => {
    expect(toCountableOrder({ ...placed, status: 'CANCELLED' })).toMatchObject({ ok: false, reason: 'status-not-counted', orderId: 'ord_1' });
  });

  it('skips items that are not orders (no items, no ids)', () => {
    expect(toCountableOrder({ userId: 'u', orderId: 'meta', status: 'PLACED' })).toMatchObject({ ok: false, reason: 'not-an-order' });
    expect(toCountableOrder({ ...placed, items: [] })).toMatchObject({ ok: false, reason: 'not-an-order' });
    expect(toCountableOrder({ something: 'else' })).toMatchObject({ ok: false, reason: 'not-an-order' });
  });

  it('refuses corrupt quantities rather than counting them', () => {
    for (const quantity of [0, -1, 1.5, '2']) {
      const order = { ...placed, items: [{ productId: 'p1', variantId: 'v', quantity }] };
      expect(toCountableOrder(order)).toMatchObject({ ok: false, reason: 'not-an-order', orderId: 'ord_1' });
    }
  });
});
