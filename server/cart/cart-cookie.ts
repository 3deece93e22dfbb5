import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isLocalPlainHttpSite } from '../platform/config/loopback';

// The guest cart cookie: `<random id>.<HMAC-SHA256 signature>`. The id alone would let anyone who guesses or
// copies a shape read another guest's cart; the signature (keyed with SESSION_SECRET) makes a forged or edited
// value worthless, and such a value is treated as "no cart" rather than an error.

export const CART_COOKIE = 'sf_cart';
export const CART_COOKIE_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

function signature(id: string, secret: string): string {
  // The purpose prefix keeps this MAC from being valid for any other value signed with the same secret.
  return createHmac('sha256', secret).update(`sf_cart:${id}`).digest('base64url');
}

export function newGuestCartId(): string {
  return randomBytes(16).toString('base64url');
}

export function signGuestCartId(id: string, secret: string): string {
  return `${id}.${signature(id, secret)}`;
}

/** The guest id inside a cookie value, or null for a missing, malformed or tampered value. */
export function verifyGuestCartCookie(value: string | undefined, secret: string): string | null {
  if (!value) return null;
  const dot = value.indexOf('.');
  if (dot < 0) return null;
  const id = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  if (!ID_PATTERN.test(id)) return null;
  const expected = Buffer.from(signature(id, secret));
  // Constant-time compare: a byte-by-byte early exit would leak how much of a forged signature was right.
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

/** httpOnly (scripts never need it), SameSite=Lax (sent on top-level navigation only), Secure except on plain-http loopback. */
export function cartCookieOptions(siteUrl: string) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: !isLocalPlainHttpSite(siteUrl),
    path: '/',
    maxAge: CART_COOKIE_MAX_AGE_SECONDS,
  };
}
