import { passesLuhn } from './luhn';

// What counts as card data, for the places that must refuse or find it (checkout's refusal, the log and table scan):
// a run of 13–19 digits starting 2–6, spaces or dashes between them allowed, that passes the Luhn check every card number does.

// Card networks' numbers start with 2–6 (Mastercard, Amex, Visa, Discover, UnionPay, JCB): a 13-digit millisecond
// timestamp (it starts with 1) is not mistaken for one.
const CARD_RUN = /[2-6](?:[ -]?\d){12,18}/g;

export function textHasCardNumber(text: string): boolean {
  for (const match of text.matchAll(CARD_RUN)) {
    // A whole token only: digits or letters glued on either side make it part of an id or a hash (an image name's
    // hex digest), not a card.
    const before = text[match.index - 1];
    const after = text[match.index + match[0].length];
    if ((before && /[A-Za-z0-9]/.test(before)) || (after && /[A-Za-z0-9]/.test(after))) continue;
    if (passesLuhn(match[0].replace(/[ -]/g, ''))) return true;
  }
  return false;
}

/** Any string or number anywhere in a JSON value that carries a card number. */
export function containsCardNumber(value: unknown, depth = 0): boolean {
  if (depth > 16) return false;
  if (typeof value === 'string') return textHasCardNumber(value);
  if (typeof value === 'number') return Number.isSafeInteger(value) && textHasCardNumber(String(value));
  if (Array.isArray(value)) return value.some((v) => containsCardNumber(v, depth + 1));
  if (typeof value === 'object' && value !== null) return Object.values(value).some((v) => containsCardNumber(v, depth + 1));
  return false;
}
