import { randomBytes } from 'node:crypto';
import { getConfig } from '../platform/config';
import { isLocalPlainHttpSite } from '../platform/config/loopback';
import { parseCookieHeader, rewriteCookieHeader } from '../platform/http/cookies';
import { signValue, verifySignedValue } from '../platform/http/signed-value';

// sf_anon: a random, long-lived id for a browser that is not signed in, so its rollout bucket stays put between
// requests and visits. It is not a secret: a shopper who edits it picks another bucket, which flags allow (they
// decide what is shown, never who may act). httpOnly anyway, as no script needs it.
// Signed by this server (`<22 random base64url>.<HMAC>`, SESSION_SECRET, purpose "anon-visitor"; issue 30 L7): the
// analytics lake counts visitors by it, so a script inventing a fresh id per request must not mint visitors. An id
// the server did not mint (an old unsigned one, an edited one) is ignored and replaced, like a malformed one.
// The whole signed value is the id callers see: buckets and visitor hashes are taken over it.

export const ANON_COOKIE = 'sf_anon';
// 400 days: the longest lifetime current browsers keep (Chrome caps Max-Age there).
const ANON_COOKIE_MAX_AGE = 400 * 24 * 60 * 60;
const PURPOSE = 'anon-visitor';

// 16 random bytes in base64url. Anything else is ignored and replaced, which also bounds what reaches the hash.
const ANON_RANDOM_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** A new sf_anon value: 128 random bits, signed. */
export function mintAnonId(): string {
  return signValue(PURPOSE, randomBytes(16).toString('base64url'), getConfig().SESSION_SECRET);
}

/** The value when this server minted it (well formed, signature checks), else null. */
export function validAnonId(value: string | undefined | null): string | null {
  if (!value || value.length > 100) return null;
  return verifySignedValue(PURPOSE, value, getConfig().SESSION_SECRET, ANON_RANDOM_PATTERN) ? value : null;
}

/** sf_anon's value from a Cookie request header, when well formed; read as next/headers reads it (last one wins). */
export function anonIdFromCookieHeader(header: string | null): string | null {
  return validAnonId(parseCookieHeader(header).get(ANON_COOKIE));
}

/** The Cookie request header with sf_anon set to `id` (a malformed copy replaced), for the render behind middleware. */
export function cookieHeaderWithAnonId(header: string | null, id: string): string {
  return rewriteCookieHeader(header, new Map([[ANON_COOKIE, id]]));
}

export type AnonCookieOptions = { httpOnly: true; secure: boolean; sameSite: 'lax'; path: '/'; maxAge: number };

export function anonCookieOptions(): AnonCookieOptions {
  return { httpOnly: true, secure: !isLocalPlainHttpSite(getConfig().SITE_URL), sameSite: 'lax', path: '/', maxAge: ANON_COOKIE_MAX_AGE };
}
