import { randomBytes } from 'node:crypto';
import { cardBrand } from './card-brand';
import { normaliseCardNumber, passesLuhn } from './luhn';
import type { AuthorizationResult, CardInput, SettlingPaymentProvider } from './payment-types';

// The bundled provider for local runs and tests. It behaves like a processor's test mode: the documented test
// cards (API.md) give fixed answers, and any other number is declined, so a real card typed here goes nowhere.
// It logs nothing and keeps no card data: the number and CVC are dropped when authorize() returns. The only state
// is what a processor keeps for idempotency: approved holds by idempotency key (id, brand, last four), bounded.

const OUTCOMES: Record<string, 'approved' | 'card_declined' | 'insufficient_funds'> = {
  '4242424242424242': 'approved',
  '5555555555554444': 'approved',
  '378282246310005': 'approved',
  '4000000000000002': 'card_declined',
  '4000000000009995': 'insufficient_funds',
};

function isExpired(expMonth: number, expYear: number, now: Date): boolean {
  // A card is valid through the last day of its expiry month.
  const year = expYear < 100 ? 2000 + expYear : expYear;
  return year < now.getUTCFullYear() || (year === now.getUTCFullYear() && expMonth < now.getUTCMonth() + 1);
}

export function sandboxDecision(card: CardInput, now = new Date()): AuthorizationResult {
  const digits = normaliseCardNumber(card.number);
  if (!passesLuhn(digits)) return { approved: false, reason: 'incorrect_number', message: 'The card number is not valid.' };
  if (!Number.isInteger(card.expMonth) || card.expMonth < 1 || card.expMonth > 12 || isExpired(card.expMonth, card.expYear, now)) {
    return { approved: false, reason: 'expired_card', message: 'The card has expired.' };
  }
  const brand = cardBrand(digits);
  const cvcLength = brand === 'amex' ? 4 : 3;
  if (!new RegExp(`^\\d{${cvcLength}}$`).test(card.cvc)) {
    return { approved: false, reason: 'incorrect_cvc', message: `The security code must be ${cvcLength} digits.` };
  }
  const outcome = OUTCOMES[digits];
  if (outcome === 'approved') {
    return { approved: true, brand, last4: digits.slice(-4), authorizationId: `auth_sbx_${randomBytes(12).toString('base64url')}` };
  }
  if (outcome === 'insufficient_funds') {
    return { approved: false, reason: 'insufficient_funds', message: 'The card was declined: insufficient funds.' };
  }
  return { approved: false, reason: 'card_declined', message: 'The card was declined.' };
}

/** Enough for a day of retries at demo scale; the oldest key is forgotten first. */
const MAX_REMEMBERED_HOLDS = 10_000;

export function createSandboxProvider(): SettlingPaymentProvider {
  const holds = new Map<string, AuthorizationResult & { approved: true }>();
  // Captures and refunds by idempotency key, as a processor answers a repeated key with the first result.
  const movements = new Map<string, string>();
  const remember = (prefix: string, key: string): string => {
    let id = movements.get(key);
    if (!id) {
      id = `${prefix}_sbx_${randomBytes(12).toString('base64url')}`;
      movements.set(key, id);
      if (movements.size > MAX_REMEMBERED_HOLDS) movements.delete(movements.keys().next().value!);
    }
    return id;
  };
  return {
    name: 'sandbox',
    async authorize({ card, idempotencyKey }) {
      const held = holds.get(idempotencyKey);
      if (held) return held;
      const result = sandboxDecision(card);
      // Declines are not remembered: a corrected card may retry under the same key.
      if (result.approved) {
        holds.set(idempotencyKey, result);
        if (holds.size > MAX_REMEMBERED_HOLDS) holds.delete(holds.keys().next().value!);
      }
      return result;
    },
    async void(authorizationId) {
      // Nothing is really held in the sandbox; forgetting the key makes the next authorize a fresh hold.
      for (const [key, held] of holds) if (held.authorizationId === authorizationId) holds.delete(key);
    },
    async capture({ idempotencyKey }) {
      return { captureId: remember('cap', `capture:${idempotencyKey}`) };
    },
    async refund({ idempotencyKey }) {
      return { refundId: remember('re', `refund:${idempotencyKey}`) };
    },
  };
}
