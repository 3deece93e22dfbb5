import { describe, expect, it } from 'vitest';
import { addCartItem } from '@/server/cart';
import { placeOrder } from '@/server/checkout';
import { checkoutBody, putProduct, uniqueId } from '../checkout/test-support/fixtures';
import { money } from '../platform/money';
import type { OrderRecord } from './contract';
import {
  acceptOrder,
  deliverOrder,
  findOrderForOperations,
  findOrderIdByNumber,
  getOrder,
  newOrderNumber,
  receiveReturn,
  refundOrder,
  requestReturn,
  searchOrders,
  shipOrder,
  toOrder,
} from './index';

// Order numbers, partial returns and refunds in shopper words, against DynamoDB Local through the real checkout.

async function place(opts: { drawOrderNumber?: () => string; lines?: { price: number; quantity: number }[] } = {}) {
  const userId = uniqueId('shopper');
  const products = [];
  for (const l of opts.lines ?? [{ price: 1_000, quantity: 1 }]) {
    const p = await putProduct({ variants: [{ id: 'v', price: l.price, stock: 20 }] });
    products.push(p);
    await addCartItem({ kind: 'user', userId }, { productId: p.id, variantId: 'v', quantity: l.quantity });
  }
  const { order } = await placeOrder({
    userId,
    email: `${userId}@example.com`,
    idempotencyKey: crypto.randomUUID(),
    body: checkoutBody(),
    ...(opts.drawOrderNumber ? { drawOrderNumber: opts.drawOrderNumber } : {}),
  });
  return { userId, order, products };
}

const shipment = { carrier: 'UPS Ground', trackingNumber: '1ZTEST', shippedAt: new Date().toISOString(), estimatedDelivery: '2026-12-09' };

describe('order numbers', () => {
  it('every order gets a unique human number, resolved to its id by one GetItem, in any case and with or without the dash', async () => {
    const { userId, order } = await place();
    expect(order.number).toMatch(/^TT-[2-9A-HJKMNP-TV-Z]{6}$/);
    expect(await findOrderIdByNumber(order.number)).toBe(order.id);
    expect(await findOrderIdByNumber(order.number.toLowerCase().replace('-', ' '))).toBe(order.id);
    expect(await findOrderIdByNumber('TT-222222')).toBeNull();
    expect(await findOrderIdByNumber('TT-0OI1L0')).toBeNull(); // not our alphabet: never reaches DynamoDB as a key
    expect((await getOrder(userId, order.id))!.number).toBe(order.number);
    // The operations search and the operations read accept the number where they accept the id.
    expect((await searchOrders({ q: order.number, limit: 5 })).items.map((i) => [i.id, i.number])).toEqual([[order.id, order.number]]);
    expect((await searchOrders({ q: 'TT-222222', limit: 5 })).items).toEqual([]);
    expect((await findOrderForOperations(order.number))!.id).toBe(order.id);
  });

  it('a number already taken cancels the checkout transaction, which draws again: both orders keep their own number', async () => {
    const first = await place();
    // The first draw is the first order's number; the second a fresh one.
    const draws = [first.order.number, newOrderNumber()];
    const drawn: string[] = [];
    const second = await place({
      drawOrderNumber: () => {
        const n = draws.shift() ?? 'TT-YYYYYY';
        drawn.push(n);
        return n;
      },
    });
    expect(drawn[0]).toBe(first.order.number);
    expect(second.order.number).toBe(drawn[1]);
    expect(second.order.number).not.toBe(first.order.number);
    expect(await findOrderIdByNumber(first.order.number)).toBe(first.order.id);
    expect(await findOrderIdByNumber(second.order.number)).toBe(second.order.id);
  });

  it('an order placed before numbers existed shows its id as its number', () => {
    const legacy = {
      userId: 'u',
      orderId: 'ord_0mx566sw71hQVwgxQ',
      status: 'PLACED',
      createdAt: '2026-11-01T00:00:00.000Z',
      items: [{ productId: 'p', variantId: 'v', slug: 'p', name: 'P', options: {}, image: '', unitPrice: money(100), quantity: 1, lineTotal: money(100) }],
      subtotal: money(100),
      shipping: money(0),
      tax: money(0),
      total: money(100),
      shippingAddress: { name: 'A', line1: '1', city: 'C', region: 'CA', postalCode: '94105', country: 'US' },
      shippingMethod: { id: 'standard', label: 'Standard' },
      payment: { brand: 'visa', last4: '4242', provider: 'sandbox', authorizationId: 'a' },
      taxRateBasisPoints: 0,
    } satisfies OrderRecord;
    const order = toOrder(legacy);
    expect(order.number).toBe(legacy.orderId);
    expect(order.items[0]!.returnedQuantity).toBe(0);
    expect(order.refunds).toEqual([]);
  });
});

describe('partial returns and refunds in shopper words', () => {
  it('returning 1 of 2 units is PARTIALLY_RETURNED; the rest later is RETURNED, and the refunds add up to the goods paid exactly', async () => {
    const { userId, order, products } = await place({ lines: [{ price: 3_333, quantity: 2 }] });
    await acceptOrder(userId, order.id);
    await shipOrder(userId, order.id, shipment);
    await deliverOrder(userId, order.id);
    const line = { variantId: 'v', productId: products[0]!.id };

    const asked = await requestReturn(order.id, userId, { lines: [{ ...line, quantity: 1 }], reason: 'Too small' });
    expect(asked.returnRequest).toMatchObject({ number: `${order.number}-R1`, sequence: 1 });
    const partly = await receiveReturn(userId, order.id, { damaged: false });
    expect(partly.status).toBe('PARTIALLY_RETURNED');
    expect(partly.items[0]).toMatchObject({ quantity: 2, returnedQuantity: 1 });
    expect(partly.refunds).toHaveLength(1);
    expect(partly.refunds[0]).toMatchObject({ reason: 'return', amount: partly.payment.refunded });

    // Only what is left may be asked for again.
    await expect(requestReturn(order.id, userId, { lines: [{ ...line, quantity: 2 }], reason: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const again = await requestReturn(order.id, userId, { lines: [{ ...line, quantity: 1 }], reason: 'Also too small' });
    expect(again.returnRequest).toMatchObject({ number: `${order.number}-R2`, sequence: 2 });
    const all = await receiveReturn(userId, order.id, { damaged: false });
    expect(all.status).toBe('RETURNED');
    expect(all.items[0]).toMatchObject({ returnedQuantity: 2 });
    const goodsPaid = order.total.amount - order.shipping.amount;
    expect(all.refunds.map((r) => r.reason)).toEqual(['return', 'return']);
    expect(all.refunds.reduce((n, r) => n + r.amount.amount, 0)).toBe(goodsPaid);
    // A redelivered message for the second return moves nothing twice.
    await receiveReturn(userId, order.id, { damaged: false });
    expect((await getOrder(userId, order.id))!.refunds).toHaveLength(2);
  });

  it('an operations refund reaches the shopper as an amount and a category; the staff note stays on the operations view', async () => {
    const { userId, order } = await place({ lines: [{ price: 5_000, quantity: 1 }] });
    await acceptOrder(userId, order.id);
    await shipOrder(userId, order.id, shipment);
    await deliverOrder(userId, order.id);
    await refundOrder(order.id, {
      amount: money(2_000),
      reason: 'Goodwill: box arrived dented',
      category: 'goodwill',
      actor: { by: 'operations', userId: 'ops' },
    });

    const shopper = (await getOrder(userId, order.id))!;
    expect(shopper.status).toBe('DELIVERED');
    expect(shopper.refunds).toEqual([{ at: expect.any(String), amount: money(2_000), reason: 'goodwill' }]);
    expect(shopper.timeline.at(-1)).toEqual({ at: expect.any(String), status: 'DELIVERED', by: 'operations', note: 'Refunded $20.00', event: 'refund' });
    expect(JSON.stringify(shopper)).not.toMatch(/dented|minor units/);

    const operations = (await findOrderForOperations(order.id))!;
    expect(operations.timeline.at(-1)).toMatchObject({ event: 'refund', staffNote: 'Goodwill: box arrived dented' });
  });
});
