import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/payments/webhooks/stripe/route';
import { dynamoDoc } from '../../platform/aws/clients';
import { resetConfigForTests } from '../../platform/config';
import { money } from '../../platform/money';
import { ledgerEntryPut } from '../ledger';

// The Stripe webhook route with Stripe's own signing scheme (stripe.webhooks.generateTestHeaderString), against
// the local stack's tables: valid, tampered, replayed with an old timestamp, and delivered twice.

const SECRET = 'whsec_test_0123456789abcdef';
const orderId = `ord_webhook_${Date.now().toString(36)}`;
let previous: string | undefined;

beforeAll(async () => {
  previous = process.env.STRIPE_WEBHOOK_SECRET;
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
  resetConfigForTests();
  const at = new Date().toISOString();
  await dynamoDoc().send(
    new TransactWriteCommand({ TransactItems: [ledgerEntryPut({ orderId, entryId: 'capture', kind: 'capture', amount: money(2_599), at, by: 'system' })] }),
  );
});
afterAll(() => {
  if (previous === undefined) delete process.env.STRIPE_WEBHOOK_SECRET;
  else process.env.STRIPE_WEBHOOK_SECRET = previous;
  resetConfigForTests();
});

const event = (id: string, type: string, object: Record<string, unknown>) => JSON.stringify({ id, object: 'event', type, data: { object } });
const deliver = async (payload: string, signature: string | null) => {
  const res = await POST(
    new Request('http://127.0.0.1:3000/api/payments/webhooks/stripe', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) },
      body: payload,
    }),
    undefined,
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const sign = (payload: string, timestamp = Math.floor(Date.now() / 1000), secret = SECRET) =>
  Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });

describe('Stripe webhook route', () => {
  it('accepts a validly signed payment_intent.succeeded and finds it matches the ledger’s capture', async () => {
    const payload = event(`evt_ok_${orderId}`, 'payment_intent.succeeded', {
      id: 'pi_1',
      object: 'payment_intent',
      amount_received: 2_599,
      metadata: { reference: orderId },
    });
    expect(await deliver(payload, sign(payload))).toEqual({ status: 200, body: { received: true, duplicate: false, outcome: 'matched' } });
  });
  it('handles a redelivered event once', async () => {
    const payload = event(`evt_twice_${orderId}`, 'charge.refunded', { id: 'ch_1', object: 'charge', amount_refunded: 500, metadata: { reference: orderId } });
    // The ledger holds no refund: the processor and the ledger disagree, which is reported, not "fixed".
    expect((await deliver(payload, sign(payload))).body).toMatchObject({ duplicate: false, outcome: 'mismatch' });
    expect((await deliver(payload, sign(payload))).body).toMatchObject({ duplicate: true });
  });
  it('refuses a tampered body, another secret, a missing header and an old timestamp (a replay) with 400', async () => {
    const payload = event(`evt_bad_${orderId}`, 'payment_intent.succeeded', { id: 'pi_1', amount_received: 2_599, metadata: { reference: orderId } });
    const tampered = payload.replace('2599', '1');
    expect(await deliver(tampered, sign(payload))).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST' } } });
    expect((await deliver(payload, sign(payload, undefined, 'whsec_other'))).status).toBe(400);
    expect((await deliver(payload, null)).status).toBe(400);
    expect((await deliver(payload, sign(payload, Math.floor(Date.now() / 1000) - 600))).status).toBe(400);
    // None of the refused deliveries was recorded: the genuine one is still handled as a first delivery.
    expect((await deliver(payload, sign(payload))).body).toMatchObject({ duplicate: false, outcome: 'matched' });
  });
});
