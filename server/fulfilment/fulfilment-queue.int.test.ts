import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockOf, uniqueId } from '../checkout/test-support/fixtures';
import { eventually } from '../leaderboard/test-fixtures';
import { getOrder, newOrderId, type Order, refundOrder, requestReturn } from '../orders';
import { sqsClient } from '../platform/aws/clients';
import { getConfig, resetConfigForTests } from '../platform/config';
import { money } from '../platform/money';
import { createOrdersStreamConsumer, type OrdersStreamConsumer } from '../streams/orders-stream/consumer';
import { listDeadLetters, redriveDeadLetters } from './dead-letters';
import { handleOrderChange } from './handle-order-change';
import { ledgerKinds, orderRecord, placedOrder } from './test-support/orders';
import { type FulfilmentWorker, startFulfilmentWorker } from './worker';

// The queue to the warehouse end to end on the local stack: DynamoDB stream → fauxqs FIFO queue → the simulated
// warehouse → the order, the ledger and the SES stand-in's inbox. Pace set to zero.

type Stored = { emails: { messageId: string; destination: { to: string[] }; subject: string; body: { text: string; html: string } }[] };
async function inbox(orderNumber: string): Promise<string[]> {
  const res = await fetch(`${getConfig().SES_ENDPOINT}/store`);
  const stored = (await res.json()) as Stored;
  return stored.emails
    .filter((e) => e.subject.includes(orderNumber))
    .map((e) => e.subject)
    .sort();
}

let consumer: OrdersStreamConsumer;
let worker: FulfilmentWorker;

beforeAll(() => {
  for (const key of ['FULFILMENT_PROCESSING_MS', 'FULFILMENT_SHIPPED_MS', 'FULFILMENT_DELIVERED_MS', 'FULFILMENT_RETURN_MS']) process.env[key] = '0';
  resetConfigForTests();
  consumer = createOrdersStreamConsumer({ idleMs: 100 });
  worker = startFulfilmentWorker();
});
afterAll(async () => {
  await worker?.stop();
  await consumer?.stop();
});

describe('the queue to the warehouse', () => {
  it('takes a placed order to DELIVERED, a return of 1 of 2 units to PARTIALLY_RETURNED and an operations refund to the shopper, mailing each event once even when events come again', async () => {
    const email = `${uniqueId('buyer')}@example.com`;
    const { userId, order, products } = await placedOrder([{ price: 3_000, stock: 6, quantity: 2 }], { email });
    const delivered = await eventually(
      async () => {
        const o = (await getOrder(userId, order.id))!;
        expect(o.status).toBe('DELIVERED');
        return o;
      },
      60_000,
      200,
    );
    expect(delivered.timeline.map((t) => [t.status, t.by])).toEqual([
      ['PLACED', 'shopper'],
      ['PROCESSING', 'system'],
      ['SHIPPED', 'system'],
      ['DELIVERED', 'system'],
    ]);
    expect(delivered.fulfilment).toMatchObject({ trackingNumber: expect.stringMatching(/^1Z[0-9A-F]{16}$/), deliveredAt: expect.any(String) });
    expect(delivered.fulfilment!.carrier).toMatch(/^UPS Ground from /);
    expect(delivered.payment).toMatchObject({ status: 'CAPTURED', captured: order.total });
    expect(await ledgerKinds(order.id)).toEqual([`capture:${order.total.amount}`]);

    await requestReturn(order.id, userId, { lines: [{ variantId: 'v', quantity: 1 }], reason: 'Too small' });
    const returned = await eventually(
      async () => {
        const o = (await getOrder(userId, order.id))!;
        expect(o.status).toBe('PARTIALLY_RETURNED');
        return o;
      },
      60_000,
      200,
    );
    expect(returned.items[0]).toMatchObject({ quantity: 2, returnedQuantity: 1 });
    expect(returned.payment.status).toBe('PARTIALLY_REFUNDED');
    expect(returned.refunds).toEqual([{ at: expect.any(String), amount: returned.payment.refunded, reason: 'return' }]);
    expect(await stockOf(products[0]!.id, 'v')).toBe(5);

    // Operations refund part of what is left, with a staff note the shopper must never read.
    const goodwill = money(500);
    await refundOrder(order.id, { amount: goodwill, reason: 'Goodwill: box arrived dented', category: 'goodwill', actor: { by: 'operations', userId: 'ops' } });

    const n = order.number;
    expect(n).toMatch(/^TT-[2-9A-HJKMNP-TV-Z]{6}$/);
    const expected = [
      `Order ${n} confirmed`,
      `Order ${n} has shipped`,
      `Order ${n} was delivered`,
      `Return ${n}-R1 for order ${n}: how to send it back`,
      `Refund for order ${n}: your return arrived`,
      `Refund for order ${n}`,
    ].sort();
    await eventually(async () => expect(await inbox(n)).toEqual(expected), 30_000, 200);
    // The same events delivered again (a stream replay): no second mail, and the queue's copy changes nothing.
    const record = await orderRecord(userId, order.id);
    for (const status of ['PLACED', 'SHIPPED', 'DELIVERED', 'RETURN_REQUESTED', 'PARTIALLY_RETURNED'] as const) await handleOrderChange({ ...record, status });
    await handleOrderChange(record, { ...record, refunds: [] });
    const mails = ((await (await fetch(`${getConfig().SES_ENDPOINT}/store`)).json()) as Stored).emails.filter((e) => e.subject.includes(n));
    expect(mails.map((m) => m.subject).sort()).toEqual(expected);
    expect(mails.every((m) => m.destination.to.includes(email) && /^<!DOCTYPE html/i.test(m.body.html) && m.body.text.length > 0)).toBe(true);
    expect(mails.find((m) => m.subject.includes('shipped'))!.body.text).toContain(delivered.fulfilment!.trackingNumber);
    const refundMail = mails.find((m) => m.subject === `Refund for order ${n}`)!;
    expect(refundMail.body.text).toContain('$5.00 (goodwill refund)');
    for (const m of mails) expect(`${m.body.text}${m.body.html}`).not.toMatch(/minor units|box arrived dented/);
    await new Promise((r) => setTimeout(r, 1_000));
    const after: Order = (await getOrder(userId, order.id))!;
    expect(after.status).toBe('PARTIALLY_RETURNED');
    expect(after.refunds.map((r) => r.reason)).toEqual(['return', 'goodwill']);
    expect(JSON.stringify(after)).not.toMatch(/minor units|box arrived dented/);
    expect(await ledgerKinds(order.id)).toEqual([`capture:${order.total.amount}`, `refund:${returned.payment.refunded.amount}`, 'refund:500']);
  }, 150_000);

  it('moves a message that keeps failing to the dead-letter queue, and redrives it', async () => {
    const orderId = newOrderId();
    await sqsClient().send(
      new SendMessageCommand({
        QueueUrl: getConfig().FULFILMENT_QUEUE_URL,
        MessageBody: JSON.stringify({ event: 'order.placed', orderId, userId: uniqueId('nobody') }),
        MessageGroupId: orderId,
        MessageDeduplicationId: `${orderId}:order.placed`,
      }),
    );
    const first = await eventually(
      async () => {
        const letter = (await listDeadLetters()).find((d) => d.orderId === orderId);
        expect(letter).toBeDefined();
        return letter!;
      },
      60_000,
      500,
    );
    expect(first).toMatchObject({ event: 'order.placed', receiveCount: expect.any(Number) });
    expect((await redriveDeadLetters()).moved).toBeGreaterThanOrEqual(1);
    // Back on the main queue it fails again and comes back as a new dead letter: the old one is gone.
    const second = await eventually(
      async () => {
        const letters = (await listDeadLetters()).filter((d) => d.orderId === orderId);
        expect(letters).toHaveLength(1);
        expect(letters[0]!.messageId).not.toBe(first.messageId);
        return letters[0]!;
      },
      60_000,
      500,
    );
    expect(second.body).toBe(first.body);
  }, 150_000);
});
