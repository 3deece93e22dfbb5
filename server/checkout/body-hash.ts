import { createHmac } from 'node:crypto';

// The idempotency record keeps a fingerprint of the request body, so "same key, different body" can be told
// from a retry. It is an HMAC (keyed with SESSION_SECRET), not a bare hash: the body holds a card number, and a
// plain SHA-256 of a 16-digit number with a known prefix can be brute-forced; a keyed MAC cannot without the key.

/** JSON with object keys sorted at every depth, so `{a,b}` and `{b,a}` fingerprint the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function hashCheckoutBody(body: unknown, secret: string): string {
  return createHmac('sha256', secret)
    .update(`checkout-body:${canonicalJson(body)}`)
    .digest('base64url');
}
