// Which paths need a session before middleware lets them through. Middleware is the first gate only: every handler
// and server/ entry behind these paths checks the user again (ADR 0004).

const PROTECTED_PAGES = ['/checkout', '/orders', '/admin'];
const PROTECTED_APIS = ['/api/checkout', '/api/orders', '/api/admin', '/api/me'];

function isUnder(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

function normalise(pathname: string): string {
  // Match what the router will route: percent-decoded ('/%6Frders' is /orders), no trailing slash.
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // Malformed escapes: match on the raw path; the router will not find a page for it either.
  }
  return decoded.length > 1 ? decoded.replace(/\/+$/, '') : decoded;
}

/** 'page' → redirect to sign-in; 'api' → 401 JSON; null → public. */
export function protectedRouteKind(pathname: string): 'page' | 'api' | null {
  const path = normalise(pathname);
  if (PROTECTED_APIS.some((p) => isUnder(path, p))) return 'api';
  if (isUnder(path, '/api')) return null;
  if (PROTECTED_PAGES.some((p) => isUnder(path, p))) return 'page';
  return null;
}

/** Where an unauthenticated page request is sent: /sign-in?next=<path and query>. */
export function signInRedirectPath(pathname: string, search: string): string {
  return `/sign-in?${new URLSearchParams({ next: `${pathname}${search}` }).toString()}`;
}
