import { describe, expect, it } from 'vitest';
import { money } from '@/server/platform/money';
import { describeLimits, describeOffer, promotionStatus, toggleAction } from './describe-promotion';

describe('promotion wording', () => {
  it('says what each kind gives', () => {
    expect(describeOffer({ kind: 'percent', value: 10, categories: ['coffee'], shippingMethods: null })).toBe('10% off on coffee');
    expect(describeOffer({ kind: 'amount', value: 1250, categories: null, shippingMethods: null })).toBe('$12.50 off');
    expect(describeOffer({ kind: 'free-shipping', value: 0, categories: null, shippingMethods: ['standard'] })).toBe('Free shipping (standard)');
  });
  it('counts uses against the limit', () => {
    expect(describeLimits({ redemptions: 3, usageLimit: 100, perCustomerLimit: 1, minSubtotal: money(2000) })).toBe(
      '3 of 100 used · 1 per customer · from $20.00',
    );
    expect(describeLimits({ redemptions: 0, usageLimit: null, perCustomerLimit: null, minSubtotal: null })).toBe('0 used');
  });
  it('names the status, a pause first', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const base = { active: true, startsAt: null, endsAt: null, usageLimit: null, redemptions: 0 };
    expect(promotionStatus(base, now)).toBe('Running');
    expect(promotionStatus({ ...base, active: false, endsAt: '2026-01-01T00:00:00Z' }, now)).toBe('Paused');
    expect(promotionStatus({ ...base, endsAt: '2026-12-01T00:00:00Z' }, now)).toBe('Ended');
    expect(promotionStatus({ ...base, startsAt: '2026-12-02T00:00:00Z' }, now)).toBe('Scheduled');
    expect(promotionStatus({ ...base, usageLimit: 5, redemptions: 5 }, now)).toBe('Used up');
  });
  it('offers Pause or Resume by state, and neither once the code has ended', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(toggleAction({ active: true, endsAt: null }, now)).toBe('Pause');
    expect(toggleAction({ active: false, endsAt: '2026-12-31T00:00:00Z' }, now)).toBe('Resume');
    expect(toggleAction({ active: true, endsAt: '2026-11-30T00:00:00Z' }, now)).toBeNull();
    expect(toggleAction({ active: false, endsAt: '2026-12-01T00:00:00Z' }, now)).toBeNull();
  });
});
