import { describe, expect, it } from 'vitest';
import { money } from '../platform/money';
import { applyMovement, type PaymentAmounts } from './ledger';

const authorized: PaymentAmounts = { authorized: 5_000, captured: 0, refunded: 0, status: 'AUTHORIZED' };

describe('payment ledger arithmetic', () => {
  it('captures up to the hold, then refunds partly and fully', () => {
    const captured = applyMovement(authorized, { kind: 'capture', amount: money(5_000) });
    expect(captured).toEqual({ authorized: 5_000, captured: 5_000, refunded: 0, status: 'CAPTURED' });
    const partly = applyMovement(captured, { kind: 'refund', amount: money(1_200) });
    expect(partly).toMatchObject({ refunded: 1_200, status: 'PARTIALLY_REFUNDED' });
    expect(applyMovement(partly, { kind: 'refund', amount: money(3_800) })).toMatchObject({ refunded: 5_000, status: 'REFUNDED' });
  });
  it('refuses a refund past what is captured and not yet refunded, with what is left', () => {
    const captured = applyMovement(authorized, { kind: 'capture', amount: money(5_000) });
    const partly = applyMovement(captured, { kind: 'refund', amount: money(4_000) });
    expect(() => applyMovement(partly, { kind: 'refund', amount: money(1_001) })).toThrow(
      expect.objectContaining({ code: 'CONFLICT', details: { refundable: 1_000 } }),
    );
    expect(() => applyMovement(authorized, { kind: 'refund', amount: money(1) })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => applyMovement(captured, { kind: 'refund', amount: money(0) })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
  it('voids only an uncaptured hold, and captures nothing after a void or twice', () => {
    const voided = applyMovement(authorized, { kind: 'void', amount: money(0) });
    expect(voided.status).toBe('VOIDED');
    expect(() => applyMovement(voided, { kind: 'capture', amount: money(5_000) })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    const captured = applyMovement(authorized, { kind: 'capture', amount: money(5_000) });
    expect(() => applyMovement(captured, { kind: 'capture', amount: money(5_000) })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => applyMovement(captured, { kind: 'void', amount: money(0) })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => applyMovement(authorized, { kind: 'capture', amount: money(5_001) })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });
});
