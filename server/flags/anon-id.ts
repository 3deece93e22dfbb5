import { randomBytes } from 'node:crypto';
import { getConfig } from '../config';
import { parseCookieHeader, rewriteCookieHeader } from '../http/cookies';
import { isLocalPlainHttpSite } from '../http/loopback';

// sf_anon: a random, long-lived id for a browser that is not signed in, so its rollout bucket stays put between
// requests and visits. It is not a secret and proves nothing: a shopper who edits it picks another bucket, which
// flags allow (they decide what is shown, never who may act). httpOnly anyway, as no script needs it.

export const ANON_COOKIE = 'sf_anon';
// 400 days: the longest lifetime current browsers keep (Chrome caps Max-Age there).
const ANON_COOKIE_MAX_AGE = 400 * 24 * 60 * 60;

// 16 random bytes in base64url. Anything else is ignored and replaced, which also bounds what reaches the hash.
const ANON_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function mintAnonId(): string {
  return randomBytes(16).toString('base64url');
}

export function validAnonId(value: string | undefined | null): string | null {
  return value && ANON_ID_PATTERN.test(value) ? value : null;
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
