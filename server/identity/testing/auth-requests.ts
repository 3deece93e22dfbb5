import { getConfig } from '../../config';
import { parseCookieHeader } from '../../http/cookies';

// Helpers for integration tests that call the auth route handlers directly, as a browser on SITE_URL would.

export function siteUrl(): string {
  return getConfig().SITE_URL.replace(/\/+$/, '');
}

export function jsonRequest(path: string, body: unknown, headers: Record<string, string> = {}, method = 'POST'): Request {
  return new Request(`${siteUrl()}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: siteUrl(), ...headers },
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
