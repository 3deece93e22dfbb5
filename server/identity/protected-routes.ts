// Which paths need a session before middleware lets them through. Middleware is the first gate only: every handler
// and server/ entry behind these paths checks the user again (ADR 0004).
import { isUnderPath, normaliseRoutePath } from '../platform/http/route-paths';

const PROTECTED_PAGES = ['/orders', '/admin', '/account'];
const PROTECTED_APIS = ['/api/orders', '/api/admin', '/api/me', '/api/account'];

// Guest checkout (docs/checkout.md): these pass without a session, and their handlers decide — a guest cart and
// email at checkout; an order's cookie, email link or lookup for one order, including its return and return label
// (a guest returns through the email link). The order list and the rest of /orders and /api/orders stay signed-in only.
const GUEST_PAGE = /^\/orders\/(lookup|[^/]+(\/returns\/label)?)$/;
const GUEST_API = /^\/api\/orders\/(lookup|[^/]+(\/(events|cancel|returns))?)$/;

/** 'page' → redirect to sign-in; 'api' → 401 JSON; null → public. */
export function protectedRouteKind(pathname: string): 'page' | 'api' | null {
  const path = normaliseRoutePath(pathname);
  if (GUEST_API.test(path)) return null;
  if (PROTECTED_APIS.some((p) => isUnderPath(path, p))) return 'api';
  if (isUnderPath(path, '/api')) return null;
  if (GUEST_PAGE.test(path)) return null;
  if (PROTECTED_PAGES.some((p) => isUnderPath(path, p))) return 'page';
  return null;
}

/** Where an unauthenticated page request is sent: /sign-in?next=<path and query>. */
export function signInRedirectPath(pathname: string, search: string): string {
  return `/sign-in?${new URLSearchParams({ next: `${pathname}${search}` }).toString()}`;
}
