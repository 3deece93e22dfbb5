// Security headers for every response, set once in middleware. Pages get a per-request nonce in a strict CSP
// (`'strict-dynamic'`: Next's runtime loads its chunks from nonced scripts, so no host allowlist is needed); Next
// reads the nonce from the forwarded request's Content-Security-Policy header and puts it on its own scripts.
// JSON responses get a policy that allows nothing, since they are never rendered as documents.
//
// Styles keep 'unsafe-inline': next/image writes `style` attributes on every image, which no nonce can cover
// (ADR 0006). Script execution, the part CSP exists to stop, is nonce-only.

// Not the payments index: that one is server-only, and this module also runs in the plain-Node serving layer.
import { imageUploadOrigin } from '../config/image-upload-origin';
import { isLoopbackHost } from '../config/loopback';
import { paymentFieldsOrigin } from '../config/payment-fields-origin';
import { isCatalogPagePath } from './catalog-pages';

/** 128 random bits, base64: unguessable and unique per response, as CSP nonces must be. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

export interface PolicyContext {
  /** `next dev` needs eval for React's debugging and a websocket for HMR. */
  dev: boolean;
  /** Served to the public (not loopback): upgrade stray http: subresources and pin HTTPS. */
  publicHost: boolean;
}

/**
 * The one builder of a page's policy. The two script rules differ (ADR 0006):
 * - rendered per request (cart, checkout, account, admin): `'nonce-…' 'strict-dynamic'`, Next nonces its scripts;
 * - cached catalog HTML (server/platform/http/catalog-pages.ts): no nonce can be in HTML served to many shoppers, so
 *   `'self'` plus the SHA-256 of every inline script of that exact HTML, and `base-uri 'none'` (with `'self'` script
 *   files allowed, a `<base>` could otherwise repoint them).
 * A page that needs another origin (a payment processor's `connect-src`) adds it here, by path, for both.
 */
type ScriptRule = { nonce: string } | { hashes: readonly string[] };

function pagePolicy(rule: ScriptRule, ctx: PolicyContext): string {
  const eval_ = ctx.dev ? " 'unsafe-eval'" : '';
  const scriptSrc =
    'nonce' in rule ? `'self' 'nonce-${rule.nonce}' 'strict-dynamic'${eval_}` : ["'self'", ...rule.hashes.map((h) => `'sha256-${h}'`)].join(' ') + eval_;
  const directives = [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // The payment processor's origin on every page, not only /checkout: Next's client-side navigations keep the
    // first document's policy, so a shopper who reaches checkout from the cart or a product page would otherwise
    // have the card fields' request to the processor blocked (seen in e2e). It is the only origin added.
    // And the product images bucket: marketers' browsers post uploads straight to it (presigned POST).
    ['connect-src', "'self'", paymentFieldsOrigin(), imageUploadOrigin()].filter(Boolean).join(' '),
    "object-src 'none'",
    'nonce' in rule ? "base-uri 'self'" : "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(ctx.publicHost ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

export function pageContentSecurityPolicy(nonce: string, ctx: PolicyContext): string {
  return pagePolicy({ nonce }, ctx);
}

/** For cached catalog HTML: `hashes` are base64 SHA-256 digests of its inline scripts (catalog-page-response.ts). */
export function hashedPageContentSecurityPolicy(hashes: readonly string[], ctx: PolicyContext): string {
  return pagePolicy({ hashes }, ctx);
}

export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Headers every response carries, whatever produced it (a page, a route handler, a redirect, a 403). */
export function baseSecurityHeaders(ctx: PolicyContext): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // frame-ancestors supersedes it in current browsers; kept for the ones that only know this header.
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    // Two years, the HSTS preload list's minimum; only where HTTPS is real, never on a developer's loopback.
    ...(ctx.publicHost ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

export interface SecurityHeaders {
  /** Set on the request forwarded to the page renderer, so Next can nonce its scripts. */
  request: Record<string, string>;
  response: Record<string, string>;
}

export function policyContextFor(url: { hostname: string }, dev: boolean): PolicyContext {
  return { dev, publicHost: !isLoopbackHost(url.hostname) };
}

export function securityHeadersFor(url: URL, dev: boolean): SecurityHeaders {
  const ctx = policyContextFor(url, dev);
  const base = baseSecurityHeaders(ctx);
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
    return { request: {}, response: { ...base, 'Content-Security-Policy': API_CONTENT_SECURITY_POLICY } };
  }
  // Cached catalog HTML carries no nonce (it would be in every shopper's copy): nothing on the forwarded request, so
  // Next writes none, and a policy that runs no inline script at all until the serving layer replaces it with the
  // one hashing this HTML's scripts (catalog-page-response.ts). Fail closed: served without that layer, the page
  // does not hydrate rather than run unlisted scripts. `next dev` has no such layer and renders per request: nonce.
  if (!dev && isCatalogPagePath(url.pathname)) {
    return { request: {}, response: { ...base, 'Content-Security-Policy': hashedPageContentSecurityPolicy([], ctx) } };
  }
  const csp = pageContentSecurityPolicy(newNonce(), ctx);
  return { request: { 'Content-Security-Policy': csp }, response: { ...base, 'Content-Security-Policy': csp } };
}
