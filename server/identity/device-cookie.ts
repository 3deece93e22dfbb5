import { randomBytes } from 'node:crypto';
import { signValue, verifySignedValue } from '../platform/http/signed-value';
import { type CookieToSet, sessionCookieOptions } from './session-cookies';

// The sign-in device cookie (OWASP "device cookies", docs/adr/0016): after a correct password the browser gets
// `sf_device` = a signed `<account key>~<device id>`. A later sign-in to the same account carrying it is counted only
// against its own small window, never against the address's or the account's, so a stranger's failures behind the
// same NAT (or guesses at the account from elsewhere) cannot lock this browser out (issue 30 M3). Signed, so a client
// can neither mint one nor move one to another account; httpOnly, so page script cannot lift it.

export const DEVICE_COOKIE = 'sf_device';
const PURPOSE = 'sign-in-device';
const MAX_AGE_SECONDS = 180 * 24 * 60 * 60;
const VALUE = /^[A-Za-z0-9_-]{32}~[A-Za-z0-9_-]{22}$/;

export function deviceCookie(accountKey: string, secret: string, siteUrl: string): CookieToSet {
  const value = signValue(PURPOSE, `${accountKey}~${randomBytes(16).toString('base64url')}`, secret);
  return { name: DEVICE_COOKIE, value, options: sessionCookieOptions(siteUrl, MAX_AGE_SECONDS) };
}

/** The device id the cookie names for this account, or null (missing, forged, or another account's). */
export function deviceIdFor(accountKey: string, token: string | undefined, secret: string): string | null {
  const value = verifySignedValue(PURPOSE, token, secret, VALUE);
  if (!value) return null;
  const [account, device] = value.split('~');
  return account === accountKey && device ? device : null;
}
