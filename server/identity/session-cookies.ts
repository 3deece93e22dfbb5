import { isLocalPlainHttpSite } from '../platform/config/loopback';
import { type CookieJar, cookieJarFromHeader, rewriteCookieHeader as rewriteHeader } from '../platform/http/cookies';

// The session lives in three cookies, all httpOnly (no script can read a token) and SameSite=Lax (a cross-site
// POST carries none of them; top-level navigation from a link still does, so a shared /orders link works):
//   sf_at      the Cognito access token; expires with the token, so an expired one simply stops being sent
//   sf_rt      the refresh token, 30 days; middleware trades it for a new access token
//   sf_profile email and display name, HMAC-signed (the access token carries neither; see profile-cookie.ts)
// Secure everywhere except a plain-http localhost/127.0.0.1 SITE_URL, where browsers would drop Secure cookies.

export const SESSION_COOKIE = { access: 'sf_at', refresh: 'sf_rt', profile: 'sf_profile' } as const;
const SESSION_COOKIE_NAMES: readonly string[] = Object.values(SESSION_COOKIE);

export const REFRESH_COOKIE_MAX_AGE = 30 * 24 * 60 * 60;

export type SessionCookieOptions = {
  httpOnly: true;
  secure: boolean;
  sameSite: 'lax';
  path: '/';
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
};

export type CookieToSet = { name: string; value: string; options: SessionCookieOptions };

export function sessionCookieOptions(siteUrl: string, maxAge: number): SessionCookieOptions {
  return { httpOnly: true, secure: !isLocalPlainHttpSite(siteUrl), sameSite: 'lax', path: '/', maxAge: Math.max(0, Math.floor(maxAge)) };
}

export type SessionCookieInput = {
  accessToken: string;
  /** The access token's `exp`, seconds since the epoch. */
  accessExpiresAt: number;
  /** Omitted on a refresh that did not rotate the refresh token: the existing cookie stays. */
  refreshToken?: string;
  /** Signed profile cookie value (profile-cookie.ts); omitted to leave the existing one. */
  profile?: string;
};

export function sessionCookies(input: SessionCookieInput, siteUrl: string, nowMs = Date.now()): CookieToSet[] {
  const accessMaxAge = input.accessExpiresAt - Math.floor(nowMs / 1000);
  const cookies: CookieToSet[] = [{ name: SESSION_COOKIE.access, value: input.accessToken, options: sessionCookieOptions(siteUrl, accessMaxAge) }];
  if (input.refreshToken !== undefined) {
    cookies.push({ name: SESSION_COOKIE.refresh, value: input.refreshToken, options: sessionCookieOptions(siteUrl, REFRESH_COOKIE_MAX_AGE) });
  }
  if (input.profile !== undefined) {
    cookies.push({ name: SESSION_COOKIE.profile, value: input.profile, options: sessionCookieOptions(siteUrl, REFRESH_COOKIE_MAX_AGE) });
  }
  return cookies;
}

/** Deletes every session cookie (same attributes, empty value, Max-Age=0). */
export function clearedSessionCookies(siteUrl: string): CookieToSet[] {
  return SESSION_COOKIE_NAMES.map((name) => ({ name, value: '', options: sessionCookieOptions(siteUrl, 0) }));
}

/** One Set-Cookie header value. Token values are base64url/JWT characters; encoding keeps anything else safe. */
export function serializeCookie({ name, value, options }: CookieToSet): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path}`, `Max-Age=${options.maxAge}`];
  if (options.maxAge === 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  parts.push('HttpOnly', 'SameSite=Lax');
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/** The cookies of a Request, read by the one parser (server/platform/http/cookies.ts). */
export function cookieJarFromRequest(req: Request): CookieJar {
  return cookieJarFromHeader(req.headers.get('cookie'));
}

/**
 * Rewrites a Cookie request header with new values (or removes cookies whose new value is empty), so the handlers
 * and server components behind middleware see a refreshed token in this same request.
 */
export function rewriteCookieHeader(header: string | null | undefined, changes: CookieToSet[]): string {
  return rewriteHeader(header, new Map(changes.map((c) => [c.name, c.options.maxAge === 0 || c.value === '' ? null : c.value])));
}

/** Appends Set-Cookie headers to a Response's headers. */
export function appendSetCookies(headers: Headers, cookies: CookieToSet[]): void {
  for (const cookie of cookies) headers.append('Set-Cookie', serializeCookie(cookie));
}
