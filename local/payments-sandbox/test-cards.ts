import { normaliseCardNumber, passesLuhn } from '../../server/payments/luhn';
import { type CardBrand, cardBrand } from './card-brand';

// What the sandbox does with a card, decided once when it is tokenised (as a processor's test mode does): the
// documented test cards (shared/API.md) give fixed answers, and any other valid number is declined at
// authorisation, so a real card typed here goes nowhere. Only the outcome, brand and last four are kept; the number
// and CVC are dropped when tokenise() returns.

export type CardOutcome = 'approved' | 'card_declined' | 'insufficient_funds' | 'requires_authentication';

/** The sandbox's own fraud verdict on an approved card, as Stripe Radar's `outcome.risk_level` (server/fraud reads it). */
export type RiskLevel = 'normal' | 'elevated' | 'highest';

const OUTCOMES: Record<string, CardOutcome> = {
  '4242424242424242': 'approved',
  '5555555555554444': 'approved',
  '378282246310005': 'approved',
  '4000000000000002': 'card_declined',
  '4000000000009995': 'insufficient_funds',
  '4000002760003184': 'requires_authentication',
  // Stripe's risk test cards: approved, with an elevated or the highest risk verdict.
  '4000000000009235': 'approved',
  '4000000000004954': 'approved',
};

const RISK: Record<string, RiskLevel> = { '4000000000009235': 'elevated', '4000000000004954': 'highest' };

/**
 * Reusable test tokens, as Stripe's test mode has `tok_visa`: for server-side suites that cannot run a browser to
 * tokenise. Never spent by an authorisation (a minted `tok_…` token is); the sandbox only, never a real processor.
 * Each look-up fingerprints as a card of its own: every server-side suite on one stack shares these tokens, and a
 * fixed fingerprint let one suite's declines trip another's per-card limit (docs/fraud.md). To test per-card
 * screening, tokenise a card number: the same number always gives the same fingerprint.
 */
export const TEST_TOKENS: Record<string, { outcome: CardOutcome; brand: CardBrand; last4: string; risk: RiskLevel }> = {
  tok_visa: { outcome: 'approved', brand: 'visa', last4: '4242', risk: 'normal' },
  tok_mastercard: { outcome: 'approved', brand: 'mastercard', last4: '4444', risk: 'normal' },
  tok_chargeDeclined: { outcome: 'card_declined', brand: 'visa', last4: '0002', risk: 'normal' },
  tok_chargeDeclinedInsufficientFunds: { outcome: 'insufficient_funds', brand: 'visa', last4: '9995', risk: 'normal' },
  tok_threeDSecureRequired: { outcome: 'requires_authentication', brand: 'visa', last4: '3184', risk: 'normal' },
  tok_riskLevelElevated: { outcome: 'approved', brand: 'visa', last4: '9235', risk: 'elevated' },
  tok_riskLevelHighest: { outcome: 'approved', brand: 'visa', last4: '4954', risk: 'highest' },
};

export type CardInput = { number: unknown; expMonth: unknown; expYear: unknown; cvc: unknown };

export type TokeniseResult =
  | { ok: true; outcome: CardOutcome; brand: CardBrand; last4: string; risk: RiskLevel; digits: string }
  | { ok: false; code: 'incorrect_number' | 'invalid_expiry' | 'expired_card' | 'incorrect_cvc'; message: string };

function isExpired(expMonth: number, expYear: number, now: Date): boolean {
  // A card is valid through the last day of its expiry month.
  return expYear < now.getUTCFullYear() || (expYear === now.getUTCFullYear() && expMonth < now.getUTCMonth() + 1);
}

export function checkCard(card: CardInput, now = new Date()): TokeniseResult {
  const digits = typeof card.number === 'string' ? normaliseCardNumber(card.number) : '';
  if (!passesLuhn(digits)) return { ok: false, code: 'incorrect_number', message: 'The card number is not valid.' };
  const expMonth = Number(card.expMonth);
  const rawYear = Number(card.expYear);
  if (!Number.isInteger(expMonth) || expMonth < 1 || expMonth > 12 || !Number.isInteger(rawYear) || rawYear < 0) {
    return { ok: false, code: 'invalid_expiry', message: 'The expiry date is not valid.' };
  }
  // Two-digit years are what cards print.
  const expYear = rawYear < 100 ? 2000 + rawYear : rawYear;
  if (isExpired(expMonth, expYear, now)) return { ok: false, code: 'expired_card', message: 'The card has expired.' };
  const brand = cardBrand(digits);
  const cvcLength = brand === 'amex' ? 4 : 3;
  if (typeof card.cvc !== 'string' || !new RegExp(`^\\d{${cvcLength}}$`).test(card.cvc)) {
    return { ok: false, code: 'incorrect_cvc', message: `The security code must be ${cvcLength} digits.` };
  }
  // `digits` only so tokenise() can fingerprint the card; it is dropped there and never stored.
  return { ok: true, outcome: OUTCOMES[digits] ?? 'card_declined', brand, last4: digits.slice(-4), risk: RISK[digits] ?? 'normal', digits };
}
