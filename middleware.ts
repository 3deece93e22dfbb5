import { NextResponse, type NextRequest } from 'next/server';
import {
  applySessionCookies,
  establishSession,
  guardProtectedRoute,
  NO_SESSION,
  rejectForeignMutation,
} from './server/identity/middleware-session';
import { flagMiddlewareStep } from './server/flags/middleware-flags';
import { securityHeadersFor } from './server/http/security-headers';
import { adoptRequestId, runWithRequestContext } from './server/observability';

// Node.js runtime: later gates (session verification, flags) use node:crypto and AWS SDK clients, which the
// Edge runtime cannot run (see FIELD-NOTES). Middleware is the first gate, never the only one.
export const config = {
  runtime: 'nodejs',
  matcher: ['/((?!_next/static|_next/image|images/products|favicon.ico).*)'],
};

// Headers only Next or the CDN may set; a client sending them must gain nothing.
const INTERNAL_HEADERS = ['x-middleware-subrequest', 'x-middleware-prefetch', 'x-invoke-path', 'x-invoke-query', 'x-isr', 'x-opennext'];

export async function middleware(req: NextRequest) {
  const headers = new Headers(req.headers);
  for (const h of INTERNAL_HEADERS) headers.delete(h);
  // The request id: the caller's if safe, else minted; forwarded to the page or route, answered as X-Request-Id (ADR 0007).
  const requestId = adoptRequestId(headers);
  // CSP nonce and the other security headers (server/http/security-headers.ts, ADR 0006).
  const security = securityHeadersFor(req.nextUrl, process.env.NODE_ENV === 'development');
  for (const [name, value] of Object.entries(security.request)) headers.set(name, value);
  // Identity: refuse cross-site cookie mutations, then verify (or refresh) the session and gate protected routes.
  const foreign = rejectForeignMutation(req);
  // Inside the request's context, so a session refresh (Cognito) or flag read (DynamoDB) logs and sends its id.
  const { session, flags } = await runWithRequestContext(requestId, async () => {
    const session = foreign ? NO_SESSION : await establishSession(headers);
    // Feature flags (server/flags, docs/flags.md): mint sf_anon, 404 a route whose flag is off for this shopper.
    const flags = foreign ? null : await flagMiddlewareStep(req, headers, session);
    return { session, flags };
  });
  const res = applySessionCookies(
    foreign ?? guardProtectedRoute(req, session) ?? flags?.response ?? NextResponse.next({ request: { headers } }),
    session,
  );
  flags?.finish(res);
  for (const [name, value] of Object.entries(security.response)) res.headers.set(name, value);
  res.headers.set('X-Request-Id', requestId);
  return res;
}
