// The `?next=` target after signing in. Only a path on this site is accepted, so /sign-in cannot be used to send a
// shopper to a look-alike site after they typed their password (an open redirect). Pure: pages and tests use it.
//
// The decision is made on the parsed, normalised URL — the string a browser will actually follow — never on the raw
// value alone: `/.//evil.example` and `/%2e%2e//evil.example` contain no `//` at the start, yet normalise to
// `//evil.example`, which a browser reads as another host.

const ORIGIN = 'https://next-path.invalid';
const MAX_LENGTH = 2048;
// Control characters (a tab or newline is silently stripped by URL parsers, turning `/\t/evil` into `//evil`) and
// backslashes (read as `/` in http URLs) have no business in a path we link to, raw or percent-encoded.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point, to refuse them
const FORBIDDEN = /[\u0000-\u001f\u007f\\]/;

function decoded(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** A path that both starts with exactly one `/` and stays one when decoded (`/%2F%2Fevil` → `//evil`). */
function isSingleSlashPath(path: string): boolean {
  const plain = decoded(path);
  return plain !== null && path.startsWith('/') && !path.startsWith('//') && plain.startsWith('/') && !plain.startsWith('//');
}

export function safeNextPath(raw: string | string[] | null | undefined, fallback = '/'): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string' || value === '' || value.length > MAX_LENGTH) return fallback;
  // Only a relative path: no scheme (`javascript:`, `data:`, `https:`), no host, no leading space.
  if (!value.startsWith('/')) return fallback;
  const plain = decoded(value);
  if (plain === null || FORBIDDEN.test(value) || FORBIDDEN.test(plain)) return fallback;
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== ORIGIN || !isSingleSlashPath(url.pathname)) return fallback;
  // Back to a sign-in page would loop; an API URL would show the shopper raw JSON.
  const page = decoded(url.pathname)?.toLowerCase() ?? '';
  if (/^\/(sign-in|sign-up|forgot-password)(\/|$)/.test(page) || /^\/api(\/|$)/.test(page)) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // What we hand back must resolve to exactly the URL we checked, wherever it is resolved.
  return new URL(path, ORIGIN).href === url.href && path.length <= MAX_LENGTH ? path : fallback;
}
