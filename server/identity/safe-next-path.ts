// The `?next=` target after signing in. Only a path on this site is accepted, so /sign-in cannot be used to send a
// shopper to a look-alike site after they typed their password (an open redirect). Pure: pages and tests use it.

const BASE = 'http://next-path.invalid';
const MAX_LENGTH = 2048;

export function safeNextPath(raw: string | string[] | null | undefined, fallback = '/'): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string' || value === '' || value.length > MAX_LENGTH) return fallback;
  // '//evil.example' and '/\evil.example' are protocol-relative to browsers; control characters (a tab or newline
  // inside '/\t/evil.example') are stripped by URL parsers and can turn a path into a host.
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  // Back to a sign-in page would loop; an API URL would show the shopper raw JSON.
  if (/^\/(sign-in|sign-up|forgot-password)(\/|$)/.test(url.pathname) || /^\/api(\/|$)/.test(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
