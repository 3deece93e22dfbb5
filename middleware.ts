import { type NextRequest, NextResponse } from 'next/server';
import { flagMiddlewareStep } from './server/flags/middleware-flags';
import { isCacheablePath } from './server/http/cacheable-paths';
import { isCatalogPagePath } from './server/http/catalog-pages';
import { PEER_ADDRESS_HEADER } from './server/http/client-address';
import { stripInternalHeaders } from './server/http/internal-headers';
import { refuseMethod } from './server/http/method-gate';
import { securityHeadersFor } from './server/http/security-headers';
import { applySessionCookies, establishSession, guardProtectedRoute, NO_SESSION, rejectForeignMutation } from './server/identity/middleware-session';
import { adoptRequestId, runWithRequestContext } from './server/observability';

// Node.js runtime: later gates (session verification, flags) use node:crypto and AWS SDK clients, which the
// Edge runtime cannot run (see FIELD-NOTES). Middleware is the first gate, never the only one.
export const config = {
  runtime: 'nodejs',
  matcher: ['/((?!_next/static|_next/image|images/products|favicon.ico).*)'],
};

export async function middleware(req: NextRequest) {
  const headers = new Headers(req.headers);
  // The TCP peer the server stamped over anything the client sent (server/http/peer-address-hook.ts): ours, so it
  // survives the strip below and reaches the handlers' per-address limits. Read only with TRUSTED_PROXY_HOPS=0.
  const peerAddress = req.headers.get(PEER_ADDRESS_HEADER);
  // Headers only Next, the CDN or this middleware may set (server/http/internal-headers.ts; the edge strips them too).
  stripInternalHeaders(headers);
  if (peerAddress) headers.set(PEER_ADDRESS_HEADER, peerAddress);
  // The request id: ours (never the caller's), forwarded to the page or route, answered as X-Request-Id (ADR 0007).
  const requestId = adoptRequestId(headers);
  // CSP nonce and the other security headers (server/http/security-headers.ts, ADR 0006).
  const security = securityHeadersFor(req.nextUrl, process.env.NODE_ENV === 'development');
  // A method nothing here serves: 405 (JSON with Allow under /api), before any other work.
  const refused = refuseMethod(req.method, req.nextUrl.pathname);
  if (refused) {
    for (const [name, value] of Object.entries(security.response)) refused.headers.set(name, value);
    refused.headers.set('X-Request-Id', requestId);
    return refused;
  }
  for (const [name, value] of Object.entries(security.request)) headers.set(name, value);
  // Identity: refuse cross-site cookie mutations, then verify (or refresh) the session and gate protected routes.
  const foreign = rejectForeignMutation(req);
  // A publicly cacheable answer never sets a cookie: no session refresh, no sf_anon (server/http/cacheable-paths.ts;
  // the catalog pages, server/http/catalog-pages.ts, whose per-shopper islands call /api routes that do both).
  const cacheable = isCacheablePath(req.nextUrl.pathname) || isCatalogPagePath(req.nextUrl.pathname);
  // Inside the request's context, so a session refresh (Cognito) or flag read (DynamoDB) logs and sends its id.
  const { session, flags } = await runWithRequestContext(requestId, async () => {
    const session = foreign || cacheable ? NO_SESSION : await establishSession(headers);
    // Feature flags (server/flags, docs/flags.md): mint sf_anon, 404 a route whose flag is off for this shopper.
    const flags = foreign || cacheable ? null : await flagMiddlewareStep(req, headers, session);
    return { session, flags };
  });
  const res = applySessionCookies(foreign ?? guardProtectedRoute(req, session) ?? flags?.response ?? NextResponse.next({ request: { headers } }), session);
  flags?.finish(res);
  for (const [name, value] of Object.entries(security.response)) res.headers.set(name, value);
  res.headers.set('X-Request-Id', requestId);
  return res;
}
