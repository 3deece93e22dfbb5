import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../config/loopback';
import { API_CONTENT_SECURITY_POLICY, newNonce, securityHeadersFor } from './security-headers';

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];

describe('securityHeadersFor', () => {
  it('gives a dynamic page a fresh nonce in a strict script policy, forwarded to the renderer unchanged', () => {
    const a = securityHeadersFor(new URL('http://127.0.0.1:3000/cart'), false);
    const b = securityHeadersFor(new URL('http://127.0.0.1:3000/cart'), false);
    const csp = a.response['Content-Security-Policy']!;
    expect(a.request['Content-Security-Policy']).toBe(csp);
    expect(nonceOf(csp)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(b.response['Content-Security-Policy']!)).not.toBe(nonceOf(csp));
    const d = directives(csp);
    expect(d.get('script-src')).toEqual(["'self'", `'nonce-${nonceOf(csp)}'`, "'strict-dynamic'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('form-action')).toEqual(["'self'"]);
  });

  it('gives cached catalog pages no nonce and a policy that runs no inline script until the hashes replace it', () => {
    for (const path of ['/', '/c/coffee', '/p/some-product', '/p/some-product/']) {
      const h = securityHeadersFor(new URL(`http://127.0.0.1:3000${path}`), false);
      expect(h.request, path).toEqual({});
      const d = directives(h.response['Content-Security-Policy']!);
      expect(d.get('script-src'), path).toEqual(["'self'"]);
      expect(d.get('object-src'), path).toEqual(["'none'"]);
      expect(d.get('base-uri'), path).toEqual(["'none'"]);
    }
    // Below a catalog page, or next to one, is not one.
    for (const path of ['/c/coffee/more', '/cart', '/search', '/p']) {
      expect(securityHeadersFor(new URL(`http://127.0.0.1:3000${path}`), false).request['Content-Security-Policy'], path).toContain('nonce-');
    }
    // next dev renders catalog pages per request, without the serving layer that hashes: nonce there.
    expect(securityHeadersFor(new URL('http://127.0.0.1:3000/'), true).request['Content-Security-Policy']).toContain('nonce-');
  });

  it('allows eval only under next dev', () => {
    expect(securityHeadersFor(new URL('http://localhost:3000/'), true).response['Content-Security-Policy']).toContain("'unsafe-eval'");
    expect(securityHeadersFor(new URL('http://localhost:3000/cart'), false).response['Content-Security-Policy']).not.toContain('unsafe-eval');
  });

  it('pins HTTPS off loopback only', () => {
    const pub = securityHeadersFor(new URL('https://shop.example.com/c/coffee'), false);
    expect(pub.response['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains');
    expect(directives(pub.response['Content-Security-Policy']!).has('upgrade-insecure-requests')).toBe(true);
    for (const host of ['http://localhost:3000/', 'http://127.0.0.1:3107/', 'http://[::1]:3000/', 'http://shop.localhost/']) {
      const local = securityHeadersFor(new URL(host), false);
      expect(local.response['Strict-Transport-Security'], host).toBeUndefined();
      expect(local.response['Content-Security-Policy'], host).not.toContain('upgrade-insecure-requests');
    }
  });

  it('gives JSON routes a policy that allows nothing and forwards no nonce', () => {
    const api = securityHeadersFor(new URL('http://127.0.0.1:3000/api/cart'), false);
    expect(api.response['Content-Security-Policy']).toBe(API_CONTENT_SECURITY_POLICY);
    expect(api.request).toEqual({});
    // A page whose path merely starts with "api" is still a page.
    expect(securityHeadersFor(new URL('http://127.0.0.1:3000/apiary'), false).request['Content-Security-Policy']).toContain('nonce-');
  });

  it('sets the headers every response needs', () => {
    const h = securityHeadersFor(new URL('http://127.0.0.1:3000/'), false).response;
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(h['X-Frame-Options']).toBe('DENY');
  });
});

describe('helpers', () => {
  it('knows loopback hosts', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('example.com')).toBe(false);
    expect(isLoopbackHost('127.0.0.1.example.com')).toBe(false);
  });
  it('mints distinct nonces', () => {
    expect(new Set(Array.from({ length: 50 }, newNonce)).size).toBe(50);
  });
});
