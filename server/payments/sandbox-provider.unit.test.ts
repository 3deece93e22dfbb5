import { describe, expect, it } from 'vitest';
import { money } from '../money';
import { cardBrand } from './card-brand';
import { passesLuhn } from './luhn';
import { createSandboxProvider, sandboxDecision } from './sandbox-provider';

const now = new Date('2026-06-15T12:00:00Z');
const card = (number: string, extra: Partial<{ expMonth: number; expYear: number; cvc: string }> = {}) => ({
  number,
  expMonth: 12,
  expYear: 2030,
  cvc: '123',
  ...extra,
});

describe('Luhn check', () => {
  it('accepts the documented test cards', () => {
    for (const n of ['4242424242424242', '4000000000000002', '4000000000009995', '5555555555554444', '378282246310005']) {
      expect(passesLuhn(n)).toBe(true);
    }
  });
  it('rejects a single mistyped digit and non-digits', () => {
    expect(passesLuhn('4242424242424241')).toBe(false);
    expect(passesLuhn('4242 4242 4242 4242')).toBe(false);
    expect(passesLuhn('12345')).toBe(false);
  });
});

describe('card brand', () => {
  it('reads the issuer prefix', () => {
    expect(cardBrand('4242424242424242')).toBe('visa');
    expect(cardBrand('5555555555554444')).toBe('mastercard');
    expect(cardBrand('2223003122003222')).toBe('mastercard');
    expect(cardBrand('378282246310005')).toBe('amex');
    expect(cardBrand('6011111111111117')).toBe('discover');
  });
});

describe('sandbox provider', () => {
  it('approves 4242… and keeps only brand and last four', () => {
    const r = sandboxDecision(card('4242 4242 4242 4242'), now);
    expect(r).toMatchObject({ approved: true, brand: 'visa', last4: '4242' });
    expect(JSON.stringify(r)).not.toContain('424242424242');
    expect(JSON.stringify(r)).not.toContain('123');
  });
  it('declines 4000 0000 0000 0002', () => {
    expect(sandboxDecision(card('4000000000000002'), now)).toMatchObject({ approved: false, reason: 'card_declined' });
  });
  it('declines 4000 0000 0000 9995 for insufficient funds', () => {
    expect(sandboxDecision(card('4000000000009995'), now)).toMatchObject({ approved: false, reason: 'insufficient_funds' });
  });
  it('declines a number that fails the Luhn check', () => {
    expect(sandboxDecision(card('4242424242424241'), now)).toMatchObject({ approved: false, reason: 'incorrect_number' });
  });
  it('declines an expired card but accepts one expiring this month', () => {
    expect(sandboxDecision(card('4242424242424242', { expMonth: 5, expYear: 2026 }), now)).toMatchObject({ approved: false, reason: 'expired_card' });
    expect(sandboxDecision(card('4242424242424242', { expMonth: 6, expYear: 26 }), now)).toMatchObject({ approved: true });
  });
  it('wants 3 CVC digits for Visa and 4 for Amex', () => {
    expect(sandboxDecision(card('4242424242424242', { cvc: '12' }), now)).toMatchObject({ approved: false, reason: 'incorrect_cvc' });
    expect(sandboxDecision(card('378282246310005', { cvc: '123' }), now)).toMatchObject({ approved: false, reason: 'incorrect_cvc' });
    expect(sandboxDecision(card('378282246310005', { cvc: '1234' }), now)).toMatchObject({ approved: true, brand: 'amex', last4: '0005' });
  });
  it('declines a valid number that is not a sandbox test card', () => {
    expect(sandboxDecision(card('4111111111111111'), now)).toMatchObject({ approved: false, reason: 'card_declined' });
  });
  it('authorises through the PaymentProvider interface and voids without error', async () => {
    const provider = createSandboxProvider();
    const r = await provider.authorize({ amount: money(1000), card: card('4242424242424242'), reference: 'ord_x', idempotencyKey: 'k0' });
    expect(r.approved).toBe(true);
    if (r.approved) await expect(provider.void(r.authorizationId)).resolves.toBeUndefined();
  });
  it('returns the same live hold for the same idempotency key, and a fresh one after a void or under another key', async () => {
    const provider = createSandboxProvider();
    const ask = (idempotencyKey: string, number = '4242424242424242') =>
      provider.authorize({ amount: money(1000), card: card(number), reference: 'ord_x', idempotencyKey });
    const first = await ask('k1');
    const again = await ask('k1');
    const other = await ask('k2');
    if (!first.approved || !again.approved || !other.approved) throw new Error('test cards must be approved');
    expect(again.authorizationId).toBe(first.authorizationId);
    expect(other.authorizationId).not.toBe(first.authorizationId);
    await provider.void(first.authorizationId);
    const afterVoid = await ask('k1');
    expect(afterVoid.approved && afterVoid.authorizationId).not.toBe(first.authorizationId);
  });
  it('does not remember a decline: a corrected card under the same key is authorised', async () => {
    const provider = createSandboxProvider();
    const declined = await provider.authorize({ amount: money(1000), card: card('4000000000000002'), reference: 'ord_x', idempotencyKey: 'k3' });
    expect(declined.approved).toBe(false);
    const fixed = await provider.authorize({ amount: money(1000), card: card('4242424242424242'), reference: 'ord_x', idempotencyKey: 'k3' });
    expect(fixed.approved).toBe(true);
  });
  it('answers a repeated capture or refund key with the first result, and another key with a new one', async () => {
    const provider = createSandboxProvider();
    const capture = (idempotencyKey: string) => provider.capture({ authorizationId: 'auth_x', amount: money(1000), idempotencyKey });
    const first = await capture('ord_1:capture');
    expect(await capture('ord_1:capture')).toEqual(first);
    expect((await capture('ord_2:capture')).captureId).not.toBe(first.captureId);
    const refund = (idempotencyKey: string) => provider.refund({ authorizationId: 'auth_x', amount: money(300), idempotencyKey });
    const r1 = await refund('ord_1:refund#v3');
    expect(await refund('ord_1:refund#v3')).toEqual(r1);
    expect((await refund('ord_1:refund#v4')).refundId).not.toBe(r1.refundId);
  });
});
