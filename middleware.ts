import { type NextRequest, NextResponse } from 'next/server';
import { flagMiddlewareStep } from './server/flags';
import { applySessionCookies, establishSession, guardProtectedRoute, NO_SESSION, rejectForeignMutation } from './server/identity';
import { isCacheablePath } from './server/platform/http/cacheable-paths';
import { hasMarkdownRendering, isCatalogPagePath } from './server/platform/http/catalog-pages';
import { PEER_ADDRESS_HEADER } from './server/platform/http/client-address';
import { prefersMarkdown } from './server/platform/http/content-negotiation';
import { hasMalformedEscape } from './server/platform/http/front-door';
import { stripInternalHeaders } from './server/platform/http/internal-headers';
import { refuseMethod } from './server/platform/http/method-gate';
import { securityHeadersFor } from './server/platform/http/security-headers';
import { adoptRequestId, runWithRequestContext } from './server/platform/observability';

// Node.js runtime: later gates (session verification, flags) use node:crypto and AWS SDK clients, which the
// Edge runtime cannot run (see FIELD-NOTES). Middleware is the first gate, never the only one.
export const config = {
  runtime: 'nodejs',
  matcher: ['/((?!_next/static|_next/image|images/products|favicon.ico).*)'],
};

export async function middleware(req: NextRequest) {
  const headers = new Headers(req.headers);
  // The TCP peer the server stamped over anything the client sent (server/platform/http/peer-address-hook.ts): ours, so it
  // survives the strip below and reaches the handlers' per-address limits. Read only with TRUSTED_PROXY_HOPS=0.
  const peerAddress = req.headers.get(PEER_ADDRESS_HEADER);
  // Headers only Next, the CDN or this middleware may set (server/platform/http/internal-headers.ts; the edge strips them too).
  stripInternalHeaders(headers);
  if (peerAddress) headers.set(PEER_ADDRESS_HEADER, peerAddress);
  // The request id: ours (never the caller's), forwarded to the page or route, answered as X-Request-Id (ADR 0007).
  const requestId = adoptRequestId(headers);
  // CSP nonce and the other security headers (server/platform/http/security-headers.ts, ADR 0006).
  const security = securityHeadersFor(req.nextUrl, process.env.NODE_ENV === 'development');
  // A method nothing here serves: 405 (JSON with Allow under /api), before any other work.
  const refused = refuseMethod(req.method, req.nextUrl.pathname);
  if (refused) {
    for (const [name, value] of Object.entries(security.response)) refused.headers.set(name, value);
    refused.headers.set('X-Request-Id', requestId);
    return refused;
  }
  // A malformed percent-escape (`/p/%ff`): the local server refuses it before Next (front-door.ts); on AWS this is
  // the first place that sees it, and Next's router would answer a bare 500 (issue 30 L4).
  if (hasMalformedEscape(req.nextUrl.pathname)) {
    const api = req.nextUrl.pathname.startsWith('/api/');
    const bad = api
      ? NextResponse.json({ error: { code: 'BAD_REQUEST', message: 'The address has a malformed percent-escape.' } }, { status: 400 })
      : new NextResponse('The address has a malformed percent-escape.\n', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    for (const [name, value] of Object.entries(security.response)) bad.headers.set(name, value);
    bad.headers.set('Cache-Control', 'no-store');
    bad.headers.set('X-Request-Id', requestId);
    return bad;
  }
  for (const [name, value] of Object.entries(security.request)) headers.set(name, value);
  // Identity: refuse cross-site cookie mutations, then verify (or refresh) the session and gate protected routes.
  const foreign = rejectForeignMutation(req);
  // A publicly cacheable answer never sets a cookie: no session refresh, no sf_anon (server/platform/http/cacheable-paths.ts;
  // the catalog pages, server/platform/http/catalog-pages.ts, whose per-shopper islands call /api routes that do both).
  const cacheable = isCacheablePath(req.nextUrl.pathname) || isCatalogPagePath(req.nextUrl.pathname);
  // Inside the request's context, so a session refresh (Cognito) or flag read (DynamoDB) logs and sends its id.
  const { session, flags } = await runWithRequestContext(requestId, async () => {
    const session = foreign || cacheable ? NO_SESSION : await establishSession(headers);
    // Feature flags (server/flags, docs/flags.md): mint sf_anon, 404 a route whose flag is off for this shopper.
    const flags = foreign || cacheable ? null : await flagMiddlewareStep(req, headers, session);
    return { session, flags };
  });
  // An agent asking a catalog page for Markdown gets the same page's Markdown rendering (app/md, API.md "For agents
  // and feeds"); the HTML path is untouched. Both answers carry Vary: Accept (catalog-page-response.ts).
  const markdown = hasMarkdownRendering(req.nextUrl.pathname) && (req.method === 'GET' || req.method === 'HEAD') && prefersMarkdown(req.headers.get('accept'));
  const pass = markdown
    ? NextResponse.rewrite(new URL(`/md${req.nextUrl.pathname === '/' ? '' : req.nextUrl.pathname}${req.nextUrl.search}`, req.url), { request: { headers } })
    : NextResponse.next({ request: { headers } });
  const res = applySessionCookies(foreign ?? guardProtectedRoute(req, session) ?? flags?.response ?? pass, session);
  flags?.finish(res);
  for (const [name, value] of Object.entries(security.response)) res.headers.set(name, value);
  res.headers.set('X-Request-Id', requestId);
  return res;
}
