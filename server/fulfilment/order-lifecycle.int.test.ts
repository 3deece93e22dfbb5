import { beforeAll, describe, expect, it } from 'vitest';
import { stockOf, uniqueId } from '../checkout/test-support/fixtures';
import { acceptOrder, cancelOrder, deliverOrder, getOrder, receiveReturn, refundOrder, requestReturn, shipOrder, watchOrderStatus } from '../orders';
import { readLedger } from '../payments';
import { resetConfigForTests } from '../platform/config';
import { isAppError } from '../platform/errors';
import { money } from '../platform/money';
import { ledgerKinds, placedOrder } from './test-support/orders';
import { processFulfilmentMessage } from './warehouse';

// The order state machine against DynamoDB Local: transitions, stock and money, under races and redelivery.

const shipment = { carrier: 'UPS Ground', trackingNumber: '1ZTEST', shippedAt: new Date().toISOString(), estimatedDelivery: '2026-12-09' };
const code = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' ? (isAppError(r.reason) ? r.reason.code : String(r.reason)) : 'ok');

beforeAll(() => {
  for (const key of ['FULFILMENT_PROCESSING_MS', 'FULFILMENT_SHIPPED_MS', 'FULFILMENT_DELIVERED_MS', 'FULFILMENT_RETURN_MS']) process.env[key] = '0';
  resetConfigForTests();
});

async function delivered(lines: { price: number; stock: number; quantity: number }[]) {
  const placed = await placedOrder(lines);
  await acceptOrder(placed.userId, placed.order.id);
  await shipOrder(placed.userId, placed.order.id, shipment);
  await deliverOrder(placed.userId, placed.order.id);
  return placed;
}

describe('order lifecycle', () => {
  it('cancels a placed order: every line restocked exactly, the hold voided, the timeline told; then 409, and 404 for anyone else', async () => {
    const { userId, order, products } = await placedOrder([
      { price: 1_000, stock: 10, quantity: 3 },
      { price: 2_500, stock: 5, quantity: 2 },
    ]);
    expect(await stockOf(products[0]!.id, 'v')).toBe(7);
    await expect(cancelOrder(order.id, { by: 'shopper', userId: uniqueId('intruder') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const cancelled = await cancelOrder(order.id, { by: 'shopper', userId });
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.payment).toMatchObject({ status: 'VOIDED', captured: money(0), refunded: money(0) });
    expect(cancelled.timeline.map((t) => [t.status, t.by])).toEqual([
      ['PLACED', 'shopper'],
      ['CANCELLED', 'shopper'],
    ]);
    expect(await stockOf(products[0]!.id, 'v')).toBe(10);
    expect(await stockOf(products[1]!.id, 'v')).toBe(5);
    await expect(cancelOrder(order.id, { by: 'shopper', userId })).rejects.toMatchObject({ code: 'ORDER_NOT_CANCELLABLE' });
    expect(await stockOf(products[0]!.id, 'v')).toBe(10);
    expect(await ledgerKinds(order.id)).toEqual(['void:0']);
  });

  it('refuses to cancel once shipped (ORDER_NOT_CANCELLABLE) and leaves stock and capture alone', async () => {
    const { userId, order, products } = await placedOrder([{ price: 1_000, stock: 4, quantity: 1 }]);
    await acceptOrder(userId, order.id);
    await shipOrder(userId, order.id, shipment);
    await expect(cancelOrder(order.id, { by: 'operations', userId: 'ops' })).rejects.toMatchObject({ code: 'ORDER_NOT_CANCELLABLE' });
    expect(await stockOf(products[0]!.id, 'v')).toBe(3);
    expect((await getOrder(userId, order.id))!.payment).toMatchObject({ status: 'CAPTURED', captured: order.total });
  });

  it('concurrent cancel and ship: exactly one wins, and stock and money agree with the winner', async () => {
    for (let round = 0; round < 4; round++) {
      const { userId, order, products } = await placedOrder([{ price: 1_500, stock: 9, quantity: 2 }]);
      await acceptOrder(userId, order.id);
      const [cancel] = await Promise.allSettled([cancelOrder(order.id, { by: 'shopper', userId }), shipOrder(userId, order.id, shipment)]);
      const final = (await getOrder(userId, order.id))!;
      if (final.status === 'CANCELLED') {
        expect(code(cancel)).toBe('ok');
        expect(await stockOf(products[0]!.id, 'v')).toBe(9);
        expect(await ledgerKinds(order.id)).toEqual(['void:0']);
        expect(final.fulfilment).toBeNull();
      } else {
        expect(final.status).toBe('SHIPPED');
        expect(code(cancel)).toBe('ORDER_NOT_CANCELLABLE');
        expect(await stockOf(products[0]!.id, 'v')).toBe(7);
        expect(await ledgerKinds(order.id)).toEqual([`capture:${order.total.amount}`]);
      }
      expect(final.timeline.filter((t) => t.status === 'CANCELLED' || t.status === 'SHIPPED')).toHaveLength(1);
    }
  });

  it('racing refunds never exceed what was captured', async () => {
    const { order } = await delivered([{ price: 10_000, stock: 3, quantity: 1 }]);
    const captured = order.total.amount;
    const part = Math.floor(captured * 0.4);
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => refundOrder(order.id, { amount: money(part), reason: `race ${i}`, actor: { by: 'operations', userId: 'ops' } })),
    );
    const final = (await readLedger(order.id)).filter((e) => e.kind === 'refund');
    const refunded = final.reduce((s, e) => s + e.amount.amount, 0);
    expect(refunded).toBeLessThanOrEqual(captured);
    expect(final).toHaveLength(results.filter((r) => r.status === 'fulfilled').length);
    expect(results.filter((r) => r.status === 'rejected').every((r) => code(r) === 'CONFLICT')).toBe(true);
    // Past what is left is a 409 with nothing written.
    const left = captured - refunded;
    await expect(refundOrder(order.id, { amount: money(left + 1), reason: 'too much', actor: { by: 'operations', userId: 'ops' } })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const after = await refundOrder(order.id, { amount: money(left), reason: 'the rest', actor: { by: 'operations', userId: 'ops' } });
    expect(after.payment).toMatchObject({ status: 'REFUNDED', refunded: money(captured), captured: money(captured) });
  });

  it('a return of delivered lines: more than bought is refused; received, it restocks and refunds that share, and the order is partly returned', async () => {
    const { userId, order, products } = await delivered([
      { price: 2_000, stock: 10, quantity: 2 },
      { price: 3_000, stock: 10, quantity: 1 },
    ]);
    const line = { variantId: 'v', productId: products[0]!.id };
    await expect(requestReturn(order.id, userId, { lines: [{ ...line, quantity: 3 }], reason: 'too big' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(requestReturn(order.id, uniqueId('intruder'), { lines: [{ ...line, quantity: 1 }], reason: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // Two lines share the variant id 'v': without the product the line is ambiguous.
    await expect(requestReturn(order.id, userId, { lines: [{ variantId: 'v', quantity: 1 }], reason: 'x' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const requested = await requestReturn(order.id, userId, { lines: [{ ...line, quantity: 1 }], reason: 'too big' });
    expect(requested.status).toBe('RETURN_REQUESTED');
    const returned = await receiveReturn(userId, order.id, { damaged: false });
    // 1 of 2 units of the first line, none of the second: the order is partly returned, and says which.
    expect(returned.status).toBe('PARTIALLY_RETURNED');
    expect(returned.items.map((i) => i.returnedQuantity)).toEqual([1, 0]);
    expect(await stockOf(products[0]!.id, 'v')).toBe(9);
    expect(await stockOf(products[1]!.id, 'v')).toBe(9);
    const goods = order.total.amount - order.shipping.amount;
    expect(returned.payment.refunded.amount).toBe(Math.round((2_000 * goods) / order.subtotal.amount));
    expect(returned.payment.status).toBe('PARTIALLY_REFUNDED');
    // Received again (a redelivered message): nothing moves twice.
    await receiveReturn(userId, order.id, { damaged: false });
    expect(await stockOf(products[0]!.id, 'v')).toBe(9);
    expect((await readLedger(order.id)).filter((e) => e.kind === 'refund')).toHaveLength(1);
  });

  it('a duplicate message and a worker that died after shipping: one shipment, one capture, delivered', async () => {
    const { userId, order } = await placedOrder([{ price: 4_000, stock: 5, quantity: 1 }]);
    const message = { event: 'order.placed' as const, orderId: order.id, userId };
    // The first worker accepted and shipped, then died before deleting the message.
    await acceptOrder(userId, order.id);
    await shipOrder(userId, order.id, shipment);
    // The message comes back, twice (a duplicate delivery), to two workers at once.
    const [a, b] = await Promise.all([processFulfilmentMessage(message), processFulfilmentMessage(message)]);
    expect([a.order.status, b.order.status]).toEqual(['DELIVERED', 'DELIVERED']);
    const final = (await getOrder(userId, order.id))!;
    expect(final.timeline.map((t) => t.status)).toEqual(['PLACED', 'PROCESSING', 'SHIPPED', 'DELIVERED']);
    expect(await ledgerKinds(order.id)).toEqual([`capture:${order.total.amount}`]);
    expect(final.payment).toMatchObject({ status: 'CAPTURED', captured: order.total });
  });

  it('never sleeps: a step not due yet answers how long to wait and changes nothing; once due it is done (ADR 0027)', async () => {
    process.env.FULFILMENT_SHIPPED_MS = '10000';
    resetConfigForTests();
    try {
      const { userId, order } = await placedOrder([{ price: 1_500, stock: 5, quantity: 1 }]);
      const message = { event: 'order.placed' as const, orderId: order.id, userId };
      // Accepting is due at once (pace 0); shipping 10 s after that. The call returns instead of waiting.
      const first = await processFulfilmentMessage(message);
      expect(first.order.status).toBe('PROCESSING');
      expect(first.waitMs).toBeGreaterThan(8_000);
      expect(first.waitMs).toBeLessThanOrEqual(10_000);
      // Received again before it is due: still waiting, nothing moved.
      const again = await processFulfilmentMessage(message);
      expect(again.order.status).toBe('PROCESSING');
      expect(again.waitMs).toBeGreaterThan(0);
      expect((await getOrder(userId, order.id))!.timeline.map((t) => t.status)).toEqual(['PLACED', 'PROCESSING']);
      // Ten seconds on (a clock handed in, not slept): shipped, then delivered at once (its pause is 0), and done.
      const later = Date.parse(first.order.timeline.at(-1)!.at) + 10_001;
      const done = await processFulfilmentMessage(message, () => later);
      expect(done.order.status).toBe('DELIVERED');
      expect(done.waitMs).toBeUndefined();
      expect(await ledgerKinds(order.id)).toEqual([`capture:${order.total.amount}`]);
    } finally {
      process.env.FULFILMENT_SHIPPED_MS = '0';
      resetConfigForTests();
    }
  });

  it('watches the owner’s order status and refuses anyone else', async () => {
    const { userId, order } = await placedOrder([{ price: 1_000, stock: 5, quantity: 1 }]);
    const stop = new AbortController();
    await expect(watchOrderStatus(order.id, uniqueId('intruder'), stop.signal).next()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const watch = watchOrderStatus(order.id, userId, stop.signal, 20);
    expect((await watch.next()).value).toMatchObject({ status: 'PLACED' });
    await acceptOrder(userId, order.id);
    expect((await watch.next()).value).toMatchObject({ status: 'PROCESSING' });
    stop.abort();
  });
});
