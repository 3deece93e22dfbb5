import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAUD_RULES, fraudRuleSettingsSchema } from './contract';
import { isDisposableEmail, mailboxOf } from './email-signals';
import { evaluateRisk } from './evaluate-risk';

describe('evaluateRisk', () => {
  const settings = {
    ...DEFAULT_FRAUD_RULES,
    reviewAt: 50,
    denyAt: 100,
    rules: [
      { id: 'a', signal: 'cardsByClient' as const, atLeast: 3, weight: 50, reason: 'many cards' },
      { id: 'b', signal: 'disposableEmail' as const, atLeast: 1, weight: 30, reason: 'throwaway' },
      { id: 'c', signal: 'processorRisk' as const, atLeast: 2, weight: 60, reason: 'processor says highest' },
    ],
  };

  it('adds the weights and reasons of the rules that fire, and decides by the thresholds', () => {
    expect(evaluateRisk(settings, { cardsByClient: 2, disposableEmail: 0 })).toEqual({ decision: 'allow', score: 0, reasons: [] });
    expect(evaluateRisk(settings, { cardsByClient: 3 })).toEqual({ decision: 'review', score: 50, reasons: ['many cards'] });
    expect(evaluateRisk(settings, { cardsByClient: 3, disposableEmail: 1, processorRisk: 2 })).toEqual({
      decision: 'deny',
      score: 140,
      reasons: ['many cards', 'throwaway', 'processor says highest'],
    });
  });

  it('never fires a rule on a signal nobody measured', () => {
    expect(evaluateRisk({ ...settings, rules: [{ id: 'z', signal: 'shippingDistanceKm', atLeast: 0, weight: 500, reason: 'far' }] }, {}).decision).toBe(
      'allow',
    );
  });

  it('the defaults hold a card tester and let a first-time shopper through', () => {
    expect(
      evaluateRisk(DEFAULT_FRAUD_RULES, {
        attemptsByClient: 1,
        attemptsByEmail: 1,
        cardsByClient: 1,
        cardsByEmail: 1,
        emailTagVariants: 1,
        disposableEmail: 0,
        firstOrderValue: 4_500,
      }).decision,
    ).toBe('allow');
    // One mailbox under several +tag addresses with many cards: denied; the same velocity behind one address only
    // (an office NAT) is not even a review.
    expect(evaluateRisk(DEFAULT_FRAUD_RULES, { attemptsByEmail: 6, cardsByEmail: 4, emailTagVariants: 3 }).decision).toBe('deny');
    expect(evaluateRisk(DEFAULT_FRAUD_RULES, { attemptsByClient: 40, cardsByClient: 30 }).decision).toBe('allow');
    expect(evaluateRisk(DEFAULT_FRAUD_RULES, { processorRisk: 1 }).decision).toBe('review');
    expect(evaluateRisk(DEFAULT_FRAUD_RULES, { processorRisk: 2 }).decision).toBe('deny');
  });
});

describe('rule settings', () => {
  it('accept the defaults and refuse a review threshold at or above the deny threshold, and duplicate ids', () => {
    expect(fraudRuleSettingsSchema.safeParse(DEFAULT_FRAUD_RULES).success).toBe(true);
    expect(fraudRuleSettingsSchema.safeParse({ ...DEFAULT_FRAUD_RULES, reviewAt: 100, denyAt: 100 }).success).toBe(false);
    const rule = DEFAULT_FRAUD_RULES.rules[0]!;
    expect(fraudRuleSettingsSchema.safeParse({ ...DEFAULT_FRAUD_RULES, rules: [rule, rule] }).success).toBe(false);
    expect(fraudRuleSettingsSchema.safeParse({ ...DEFAULT_FRAUD_RULES, rules: [{ ...rule, signal: 'shoeSize' }] }).success).toBe(false);
  });
});

describe('email signals', () => {
  it('reduces +tag spellings to one mailbox', () => {
    expect(mailboxOf('Me+Shop1@Example.com')).toBe('me@example.com');
    expect(mailboxOf('me+a+b@example.com')).toBe('me@example.com');
    expect(mailboxOf('me@example.com')).toBe('me@example.com');
  });
  it('knows throwaway domains from the maintained list, subdomains included', () => {
    expect(isDisposableEmail('x@mailinator.com')).toBe(true);
    expect(isDisposableEmail('x@eu.mailinator.com')).toBe(true);
    expect(isDisposableEmail('x@example.com')).toBe(false);
    expect(isDisposableEmail('x@gmail.com')).toBe(false);
  });
});
