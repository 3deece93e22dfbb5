import { AsyncLocalStorage } from 'node:async_hooks';
import { parseCookieHeader } from '@/server/platform/http/cookies';

// Test-only stand-in for the one piece of Next that route handlers need and that plain Vitest lacks: the request
// scope behind next/headers' cookies(). Each call runs in its own AsyncLocalStorage scope seeded from the
// Request's Cookie header, so many concurrent requests (different shoppers, different guest carts) each see their
// own cookies, exactly as they would inside Next. Cookies a handler sets come back as the response's Set-Cookie
// values, so a test "browser" can carry them to its next request. Everything below the route (identity, Cognito
// token verification, DynamoDB, Redis) is the real code.
//
// Suites use it with:
//   vi.mock('next/headers', async () => (await import('@/tests/hardening/support/request-scope')).nextHeadersStub);

type Scope = { cookies: Map<string, string>; set: Map<string, string> };
const storage = new AsyncLocalStorage<Scope>();

function jar() {
  const scope = storage.getStore();
  if (!scope) throw new Error('cookies() called outside a request scope (use callRoute)');
  return {
    get(name: string) {
      const value = scope.cookies.get(name);
      return value === undefined ? undefined : { name, value };
    },
    set(name: string, value: string) {
      scope.cookies.set(name, value);
      scope.set.set(name, value);
    },
    delete(name: string) {
      scope.cookies.delete(name);
      scope.set.set(name, '');
    },
  };
}

export const nextHeadersStub = {
  cookies: async () => jar(),
  headers: async () => new Headers(),
};

export type RouteResult = { status: number; headers: Headers; body: unknown; setCookies: Map<string, string> };

type Handler<C> = (req: Request, ctx: C) => Promise<Response> | Response;

/** Calls a route handler in its own request scope; reads the JSON body (or null). */
export async function callRoute<C>(handler: Handler<C>, req: Request, ctx: C): Promise<RouteResult> {
  const scope: Scope = { cookies: parseCookieHeader(req.headers.get('cookie')), set: new Map() };
  const res = await storage.run(scope, () => handler(req, ctx));
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body, setCookies: scope.set };
}

export const SITE = 'http://localhost:3000';

/** A same-origin browser request carrying `cookies`. */
export function browserRequest(
  method: string,
  path: string,
  opts: { cookies?: Map<string, string>; body?: unknown; headers?: Record<string, string> } = {},
): Request {
  const headers: Record<string, string> = { origin: SITE, ...(opts.headers ?? {}) };
  if (opts.cookies && opts.cookies.size > 0) {
    headers.cookie = [...opts.cookies].map(([n, v]) => `${n}=${encodeURIComponent(v)}`).join('; ');
  }
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  return new Request(`${SITE}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
}

/** Applies a response's cookie changes to a browser's cookie jar (an empty value deletes). */
export function keepCookies(jarMap: Map<string, string>, setCookies: Map<string, string>): void {
  for (const [name, value] of setCookies) {
    if (value === '') jarMap.delete(name);
    else jarMap.set(name, value);
  }
}
