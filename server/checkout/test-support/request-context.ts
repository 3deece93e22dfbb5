import type { SessionUser } from '../../identity';

// Test-only stand-in for the request context the thin Next layer reads: next/headers' cookies() and the
// identity domain's session. Suites vi.mock those two modules onto this, then call the real route handlers.

type CookieOptions = Record<string, unknown>;

export const requestContext = {
  user: null as SessionUser | null,
  cookies: new Map<string, string>(),
  /** Options of the last cookie set, by name (to assert httpOnly/SameSite). */
  cookieOptions: new Map<string, CookieOptions>(),
};

export function resetRequestContext(): void {
  requestContext.user = null;
  requestContext.cookies.clear();
  requestContext.cookieOptions.clear();
}

export function cookieStore() {
  return {
    get(name: string) {
      const value = requestContext.cookies.get(name);
      return value === undefined ? undefined : { name, value };
    },
    set(name: string, value: string, options: CookieOptions = {}) {
      requestContext.cookies.set(name, value);
      requestContext.cookieOptions.set(name, options);
    },
    delete(name: string) {
      requestContext.cookies.delete(name);
    },
  };
}

export function testUser(id: string): SessionUser {
  return { id, email: `${id}@example.com`, name: id, groups: [] };
}

const SITE = 'http://localhost:3000';

/** A same-origin browser request unless `origin` says otherwise. */
export function apiRequest(method: string, path: string, opts: { body?: unknown; headers?: Record<string, string>; origin?: string | null } = {}): Request {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.origin !== null) headers.origin = opts.origin ?? SITE;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  return new Request(`${SITE}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
}

export function params<T>(value: T): { params: Promise<T> } {
  return { params: Promise.resolve(value) };
}
