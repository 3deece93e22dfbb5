import { randomInt } from 'node:crypto';
import { getConfig } from '../../platform/config';
import { PEER_ADDRESS_HEADER } from '../../platform/http/client-address';
import { parseCookieHeader } from '../../platform/http/cookies';

// Helpers for integration tests that call the auth route handlers directly, as a browser on SITE_URL would.

export function siteUrl(): string {
  return getConfig().SITE_URL.replace(/\/+$/, '');
}

/** A documentation-range IPv6 address in a /64 of its own, as one more client. */
export function testAddress(): string {
  return `2001:db8:${randomInt(0x10000).toString(16)}:${randomInt(0x10000).toString(16)}::1`;
}

// The socket address `next start`'s hook would stamp (server/platform/http/peer-address-hook.ts): a fresh one per
// request unless the test names one with from(), so tests (and files sharing one Redis) never spend each other's
// per-address limits, sign-ups' included (10 an hour per address).

/** Headers of a request from `address`, as the server hook stamps them. */
export function from(address: string): Record<string, string> {
  return { [PEER_ADDRESS_HEADER]: address };
}

export function jsonRequest(path: string, body: unknown, headers: Record<string, string> = {}, method = 'POST'): Request {
  return new Request(`${siteUrl()}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: siteUrl(), ...from(testAddress()), ...headers },
    body: JSON.stringify(body),
  });
}

/** The cookies a response sets, as name → { value, attributes }. */
export function setCookies(res: Response): Map<string, { value: string; attributes: string }> {
  const out = new Map<string, { value: string; attributes: string }>();
  for (const header of res.headers.getSetCookie()) {
    const [pair = '', ...attrs] = header.split(';');
    const eq = pair.indexOf('=');
    out.set(pair.slice(0, eq).trim(), { value: decodeURIComponent(pair.slice(eq + 1)), attributes: attrs.join(';').trim() });
  }
  return out;
}

/** A Cookie request header carrying what a response set (deleted cookies left out). */
export function cookieHeaderFrom(res: Response, existing = ''): string {
  const cookies = parseCookieHeader(existing);
  for (const [name, { value, attributes }] of setCookies(res)) {
    if (/Max-Age=0/.test(attributes)) cookies.delete(name);
    else cookies.set(name, value);
  }
  return [...cookies].map(([n, v]) => `${n}=${encodeURIComponent(v)}`).join('; ');
}

let counter = 0;
/** A unique email per call, so tests never collide in the shared pool. */
export function uniqueEmail(prefix = 'shopper'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 6)}@example.com`;
}
