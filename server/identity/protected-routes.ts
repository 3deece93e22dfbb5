// Which paths need a session before middleware lets them through. Middleware is the first gate only: every handler
// and server/ entry behind these paths checks the user again (ADR 0004).
import { isUnderPath, normaliseRoutePath } from '../http/route-paths';

const PROTECTED_PAGES = ['/checkout', '/orders', '/admin', '/account'];
const PROTECTED_APIS = ['/api/checkout', '/api/orders', '/api/admin', '/api/me', '/api/account'];

/** 'page' → redirect to sign-in; 'api' → 401 JSON; null → public. */
export function protectedRouteKind(pathname: string): 'page' | 'api' | null {
  const path = normaliseRoutePath(pathname);
  if (PROTECTED_APIS.some((p) => isUnderPath(path, p))) return 'api';
  if (isUnderPath(path, '/api')) return null;
  if (PROTECTED_PAGES.some((p) => isUnderPath(path, p))) return 'page';
  return null;
}

/** Where an unauthenticated page request is sent: /sign-in?next=<path and query>. */
export function signInRedirectPath(pathname: string, search: string): string {
  return `/sign-in?${new URLSearchParams({ next: `${pathname}${search}` }).toString()}`;
}
