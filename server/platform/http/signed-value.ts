import { createHmac, timingSafeEqual } from 'node:crypto';

// `<value>.<HMAC-SHA256(secret, purpose + ":" + value)>`: a value a client carries (a guest wishlist cookie, an
// unsubscribe link) that it can neither forge nor edit. The purpose keeps a MAC made for one use from being valid
// for another signed with the same secret.

function mac(purpose: string, value: string, secret: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${value}`).digest('base64url');
}

export function signValue(purpose: string, value: string, secret: string): string {
  return `${value}.${mac(purpose, value, secret)}`;
}

/** The value inside a signed token, or null for a missing, malformed or tampered one. */
export function verifySignedValue(purpose: string, token: string | undefined | null, secret: string, pattern: RegExp): string | null {
  if (!token) return null;
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  const value = token.slice(0, dot);
  if (!pattern.test(value)) return null;
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(purpose, value, secret));
  // Constant time: an early exit would tell a forger how much of the signature was right.
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
}
