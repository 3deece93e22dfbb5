import { AppError } from '../platform/errors';

// CSRF defence for cookie-authenticated mutations. SameSite=Lax already keeps our cookies off cross-site POSTs in
// current browsers; this check covers the rest (older browsers, same-site subdomains under someone else's control,
// the two-minute Lax+POST allowance some browsers had). Browsers send Origin on every cross-origin POST, PATCH and
// DELETE; when a privacy setting strips it, Referer is the fallback. A request with neither comes from a non-browser
// client (curl, a test suite, a mobile app), which a forged page cannot be — so it passes.

/** Origins allowed to mutate: the public site, and the request's own origin (a preview URL, a direct Lambda URL). */
function allowedOrigins(req: Request, siteUrl: string): Set<string> {
  const allowed = new Set([new URL(siteUrl).origin]);
  try {
    allowed.add(new URL(req.url).origin);
  } catch {
    // A relative or malformed URL has no origin of its own; SITE_URL alone decides.
  }
  return allowed;
}

export function isSameOriginRequest(req: Request, siteUrl: string): boolean {
  const allowed = allowedOrigins(req, siteUrl);
  const origin = req.headers.get('origin');
  // "null" (sandboxed iframes, file: pages, some redirects) is never one of ours.
  if (origin !== null) return allowed.has(origin.trim());
  const referer = req.headers.get('referer');
  if (referer) {
    try {
      return allowed.has(new URL(referer).origin);
    } catch {
      return false;
    }
  }
  // Fetch metadata: a browser that sent neither header still says where the request came from.
  return req.headers.get('sec-fetch-site') !== 'cross-site';
}

export function assertSameOriginAgainst(req: Request, siteUrl: string): void {
  if (!isSameOriginRequest(req, siteUrl)) {
    throw new AppError('FORBIDDEN', 'This request came from another site and was refused.');
  }
}
