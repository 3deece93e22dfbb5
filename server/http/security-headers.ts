// Security headers for every response, set once in middleware. Pages get a per-request nonce in a strict CSP
// (`'strict-dynamic'`: Next's runtime loads its chunks from nonced scripts, so no host allowlist is needed); Next
// reads the nonce from the forwarded request's Content-Security-Policy header and puts it on its own scripts.
// JSON responses get a policy that allows nothing, since they are never rendered as documents.
//
// Styles keep 'unsafe-inline': next/image writes `style` attributes on every image, which no nonce can cover
// (ADR 0006). Script execution, the part CSP exists to stop, is nonce-only.

import { paymentFieldsOrigin } from '../payments';
import { withCheckoutConnectSrc } from './checkout-csp';
import { isLoopbackHost } from './loopback';

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

export function pageContentSecurityPolicy(nonce: string, ctx: PolicyContext): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${ctx.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(ctx.publicHost ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
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

export function securityHeadersFor(url: URL, dev: boolean): SecurityHeaders {
  const ctx: PolicyContext = { dev, publicHost: !isLoopbackHost(url.hostname) };
  const base = baseSecurityHeaders(ctx);
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
    return { request: {}, response: { ...base, 'Content-Security-Policy': API_CONTENT_SECURITY_POLICY } };
  }
  const csp = withCheckoutConnectSrc(url.pathname, pageContentSecurityPolicy(newNonce(), ctx), paymentFieldsOrigin);
  return { request: { 'Content-Security-Policy': csp }, response: { ...base, 'Content-Security-Policy': csp } };
}
