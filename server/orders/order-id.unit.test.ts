import { describe, expect, it } from 'vitest';
import type { OrderRecord } from './contract';
import { newOrderId, ORDER_ID_PATTERN } from './order-id';
import { toOrder } from './to-order';

describe('order ids', () => {
  it('sort by creation time as plain strings', () => {
    const times = [1_700_000_000_000, 1_700_000_000_001, 1_800_000_000_000, 2_000_000_000_000];
    const ids = times.map((t) => newOrderId(t));
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(ORDER_ID_PATTERN);
  });
  it('differ within one millisecond', () => {
    expect(new Set(Array.from({ length: 100 }, () => newOrderId(1_700_000_000_000))).size).toBe(100);
  });
});

describe('toOrder', () => {
  it('keeps the user id, provider ids and tax internals out of the API shape', () => {
    const usd = (amount: number) => ({ amount, currency: 'USD' as const });
    const record: OrderRecord = {
      userId: 'sub-123',
      orderId: 'ord_x',
      status: 'PLACED',
      createdAt: '2025-01-01T00:00:00Z',
      items: [],
      subtotal: usd(0),
      shipping: usd(0),
      tax: usd(0),
      total: usd(0),
      taxRateBasisPoints: 725,
      shippingAddress: { name: 'A', line1: 'B', city: 'C', region: 'CA', postalCode: '94105', country: 'US' },
      shippingMethod: { id: 'standard', label: 'Standard' },
      payment: { brand: 'visa', last4: '4242', provider: 'sandbox', authorizationId: 'auth_sbx_1' },
    };
    const order = toOrder(record);
    // The API's payment shape (docs/api.md, "Orders after checkout"); an order written before the ledger existed reads
    // as authorised for its total, nothing captured.
    expect(order.payment).toEqual({ brand: 'visa', last4: '4242', status: 'AUTHORIZED', authorized: usd(0), captured: usd(0), refunded: usd(0) });
    expect(JSON.stringify(order)).not.toMatch(/sub-123|auth_sbx|taxRate/);
  });
});
