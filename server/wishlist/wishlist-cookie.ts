import { randomBytes } from 'node:crypto';
import { isLocalPlainHttpSite } from '../platform/config/loopback';
import { signValue, verifySignedValue } from '../platform/http/signed-value';

// The guest wishlist cookie: a random id signed with SESSION_SECRET, so a guessed or edited value names no list.
// Its own cookie (not the cart's): the cart cookie is cleared when the cart merges, whatever the wishlist does.

export const WISHLIST_COOKIE = 'sf_wish';
const PURPOSE = 'sf_wish';
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function newGuestWishlistId(): string {
  return randomBytes(16).toString('base64url');
}

export function signGuestWishlistId(id: string, secret: string): string {
  return signValue(PURPOSE, id, secret);
}

export function verifyGuestWishlistCookie(value: string | undefined, secret: string): string | null {
  return verifySignedValue(PURPOSE, value, secret, ID_PATTERN);
}

/** As the cart's: httpOnly, SameSite=Lax, Secure except on plain-http loopback, 30 days. */
export function wishlistCookieOptions(siteUrl: string) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: !isLocalPlainHttpSite(siteUrl), path: '/', maxAge: 30 * 24 * 60 * 60 };
}
