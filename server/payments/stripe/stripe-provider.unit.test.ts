import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { money } from '../../platform/money';
import { stripeClient } from './stripe-client';
import { createStripeProvider } from './stripe-provider';
import { type Received, startStripeReplay } from './stripe-replay';

// The Stripe adapter against recorded Stripe answers replayed on 127.0.0.1 (stripe-replay.ts).

let replay: Awaited<ReturnType<typeof startStripeReplay>>;
let provider: ReturnType<typeof createStripeProvider>;
const last = (): Received => replay.received.at(-1)!;

beforeAll(async () => {
  replay = await startStripeReplay();
  provider = createStripeProvider(stripeClient({ secretKey: 'sk_test_replay', apiUrl: replay.url, timeoutMs: 2_000 }));
});
afterAll(() => replay.close());

describe('Stripe adapter (PaymentIntents, manual capture)', () => {
  it('authorises a token as a confirmed manual-capture PaymentIntent, with our idempotency key and the secret key', async () => {
    const result = await provider.authorize({
      amount: money(2_599),
      token: 'tok_visa',
      reference: 'ord_1',
      idempotencyKey: 'idem-visa-1',
      returnUrl: 'http://127.0.0.1:3000/checkout',
    });
    expect(result).toEqual({ approved: true, brand: 'visa', last4: '4242', authorizationId: 'pi_visa_001', risk: 'normal' });
    const sent = last();
    expect(sent).toMatchObject({ method: 'POST', path: '/v1/payment_intents' });
    expect(sent.headers['idempotency-key']).toBe('idem-visa-1');
    expect(sent.headers.authorization).toBe('Bearer sk_test_replay');
    for (const field of [
      'amount=2599',
      'currency=usd',
      'capture_method=manual',
      'confirm=true',
      'metadata[reference]=ord_1',
      'return_url=http://127.0.0.1:3000/checkout',
    ]) {
      expect(sent.body).toContain(field);
    }
  });
  it('maps a card error to a decline with Stripe’s decline code', async () => {
    const result = await provider.authorize({
      amount: money(2_599),
      token: 'tok_chargeDeclinedInsufficientFunds',
      reference: 'ord_2',
      idempotencyKey: 'idem-nsf-1',
    });
    expect(result).toEqual({ approved: false, reason: 'insufficient_funds', message: 'Your card has insufficient funds.' });
  });
  it('answers requires_action with the issuer’s URL, reading the PaymentIntent afresh (a pass shows as requires_capture)', async () => {
    const before = replay.received.length;
    const result = await provider.authorize({ amount: money(2_599), token: 'tok_threeDSecure2Required', reference: 'ord_3', idempotencyKey: 'idem-3ds-1' });
    // The recorded retrieve is the state after the shopper passed: the same key completes the authorisation.
    expect(result).toEqual({ approved: true, brand: 'visa', last4: '3184', authorizationId: 'pi_3ds_001', risk: 'unknown' });
    expect(replay.received.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/payment_intents', 'GET /v1/payment_intents/pi_3ds_001']);
  });
  it('maps Radar’s outcome.risk_level on the charge to the processor risk fraud screening reads', async () => {
    const result = await provider.authorize({ amount: money(2_599), token: 'tok_riskLevelElevated', reference: 'ord_4', idempotencyKey: 'idem-risk-1' });
    expect(result).toMatchObject({ approved: true, authorizationId: 'pi_risk_001', risk: 'elevated' });
  });
  it('reads a token’s card (brand, last four, fingerprint) without charging it; an unknown token is null', async () => {
    expect(await provider.describeToken('tok_visa')).toEqual({ brand: 'visa', last4: '4242', fingerprint: 'Xt5EWLLDS7FJjR1c' });
    expect(last()).toMatchObject({ method: 'GET', path: '/v1/tokens/tok_visa' });
    expect(await provider.describeToken('tok_unknown')).toBeNull();
  });
  it('captures at shipment, voids by cancelling, refunds through Refunds, each with its idempotency key', async () => {
    expect(await provider.capture({ authorizationId: 'pi_visa_001', amount: money(2_599), idempotencyKey: 'ord_1:capture' })).toEqual({
      captureId: 'ch_visa_001',
    });
    expect(last()).toMatchObject({ path: '/v1/payment_intents/pi_visa_001/capture', body: 'amount_to_capture=2599' });
    expect(last().headers['idempotency-key']).toBe('ord_1:capture');
    await provider.void('pi_visa_001');
    expect(last().path).toBe('/v1/payment_intents/pi_visa_001/cancel');
    expect(await provider.refund({ authorizationId: 'pi_visa_001', amount: money(1_000), idempotencyKey: 'ord_1:refund#return' })).toEqual({
      refundId: 're_001',
    });
    expect(last().body).toContain('payment_intent=pi_visa_001');
    expect(last().body).toContain('amount=1000');
    expect(last().headers['idempotency-key']).toBe('ord_1:refund#return');
  });
});
