// The one Cookie request-header parser of the server. It reads a header exactly as Next's cookies()
// (@edge-runtime/cookies) does — pairs split on `; *`, the last occurrence of a name wins, a pair without `=` is
// `true`, a value with a malformed escape is skipped — because middleware reads the raw header while handlers and
// server components read next/headers: if the two disagreed on which of two `sf_at` (or `sf_anon`) a request
// carries, one request would be judged as two shoppers. The unit test compares it with Next's parser.

/** Anything that can answer "what is cookie X": a request's Cookie header, next/headers' cookies(), a test's map. */
export type CookieJar = { get(name: string): string | undefined };

export function parseCookieHeader(header: string | null | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const pair of header.split(/; */)) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    if (eq === -1) {
      cookies.set(pair, 'true');
      continue;
    }
    try {
      cookies.set(pair.slice(0, eq), decodeURIComponent(pair.slice(eq + 1)));
    } catch {
      // Skipped, as Next skips it: an earlier value of the same name, if any, stands.
    }
  }
  return cookies;
}

export function cookieJarFromHeader(header: string | null | undefined): CookieJar {
  const cookies = parseCookieHeader(header);
  return { get: (name) => cookies.get(name) };
}

/**
 * The Cookie header with some cookies replaced (a string) or removed (null), every other cookie kept; for the
 * request middleware forwards, so the render behind it sees a refreshed token or a new sf_anon in this same request.
 */
export function rewriteCookieHeader(header: string | null | undefined, changes: ReadonlyMap<string, string | null>): string {
  const cookies = parseCookieHeader(header);
  for (const [name, value] of changes) {
    if (value === null) cookies.delete(name);
    else cookies.set(name, value);
  }
  return [...cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
}
