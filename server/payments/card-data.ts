import { passesLuhn } from './luhn';

// What counts as card data, for the places that must refuse or find it (checkout's refusal, the log and table scan):
// a run of 13–19 digits starting 2–6, spaces or dashes between them allowed, that passes the Luhn check every card number does.

// Card networks' numbers start with 2–6 (Mastercard, Amex, Visa, Discover, UnionPay, JCB): a 13-digit millisecond
// timestamp (it starts with 1) is not mistaken for one.
const CARD_RUN = /[2-6](?:[ -]?\d){12,18}/g;

export function textHasCardNumber(text: string): boolean {
  for (const match of text.matchAll(CARD_RUN)) {
    // A whole token only: digits or letters glued on either side make it part of an id or a hash (an image name's
    // hex digest), not a card; so does a dash that joins the run to more of the token, as in a UUID whose first three
    // groups happen to be all digits ("41931748-2492-4932-a07f-…").
    const start = match.index;
    const end = start + match[0].length;
    if (gluedAt(text, start - 1, -1) || gluedAt(text, end, 1)) continue;
    if (passesLuhn(match[0].replace(/[ -]/g, ''))) return true;
  }
  return false;
}

const ALNUM = /[A-Za-z0-9]/;

/** Whether the character at `i` (stepping `dir` away from the run) ties the run into a longer token. */
function gluedAt(text: string, i: number, dir: 1 | -1): boolean {
  const c = text[i];
  if (c === undefined) return false;
  if (ALNUM.test(c)) return true;
  return c === '-' && ALNUM.test(text[i + dir] ?? '');
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
