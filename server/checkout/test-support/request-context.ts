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

// The two module stand-ins the suites install, each in one line (vi.mock is hoisted per file, so the call stays in
// the file; what it installs lives here):
//   vi.mock('next/headers', async () => (await import('…/request-context')).nextHeadersOnContext());
//   vi.mock('@/server/identity', async (original) => (await import('…/request-context')).identityOnContext(await original()));

/** next/headers with cookies() on the in-memory jar. */
export function nextHeadersOnContext() {
  return { cookies: async () => cookieStore() };
}

/** The real identity domain, but the session is requestContext.user (for pages, `requireUser` and, when asked, requests). */
export async function identityOnContext<T extends object>(actual: T, options: { fromRequest?: boolean } = {}) {
  const { AppError } = await import('../../platform/errors');
  const { assertRole, MARKETERS_GROUP } = await import('../../identity/contract');
  const current = async () => requestContext.user;
  return {
    ...actual,
    getSessionUser: current,
    // requireMarketer reads the session from the request too (identity's require-role.ts, which the spread above
    // does not reach): the marketers check itself is the real one.
    ...(options.fromRequest
      ? {
          getSessionUserFromRequest: current,
          requireMarketer: async () => {
            const user = requestContext.user;
            if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
            assertRole(user, MARKETERS_GROUP, 'Only marketers can see or change feature flags.');
            return user;
          },
        }
      : {}),
    requireUser: async () => {
      if (!requestContext.user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
      return requestContext.user;
    },
  };
}
