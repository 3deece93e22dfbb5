import { describe, expect, it } from 'vitest';
import { MAX_JSON_BODY_BYTES, MAX_PAGE_BODY_BYTES } from './body-limits';
import { frontDoorRefusal } from './front-door';

// What the local server refuses before Next (issues 19.7, 19.8); e2e/security-probes.spec.ts drives it over a socket.

describe('frontDoorRefusal', () => {
  it('refuses TRACE, TRACK and CONNECT on any path with 405 and Allow: JSON under /api, text elsewhere', () => {
    for (const method of ['TRACE', 'trace', 'TRACK', 'CONNECT']) {
      const api = frontDoorRefusal(method, '/api/products', undefined);
      expect(api?.status, method).toBe(405);
      expect(api?.headers.Allow).toContain('GET');
      expect(JSON.parse(api!.body)).toEqual({ error: { code: 'METHOD_NOT_ALLOWED', message: expect.any(String) } });
      expect(frontDoorRefusal(method, '/', undefined)?.headers['Content-Type'], method).toMatch(/^text\/plain/);
    }
  });

  it('refuses a declared Content-Length over the limit with 413 and Connection: close, before any byte is read', () => {
    const api = frontDoorRefusal('POST', '/api/cart/items', '100000');
    expect(api?.status).toBe(413);
    expect(api?.headers.Connection).toBe('close');
    expect(JSON.parse(api!.body).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(frontDoorRefusal('POST', '/api/%63art/items', String(MAX_JSON_BODY_BYTES + 1))?.status).toBe(413);
    expect(frontDoorRefusal('POST', '/checkout', String(MAX_PAGE_BODY_BYTES + 1))?.status).toBe(413);
  });

  it('hands everything else to Next: ordinary methods, bodies within the limit, no Content-Length', () => {
    expect(frontDoorRefusal('GET', '/api/products', undefined)).toBeNull();
    expect(frontDoorRefusal('POST', '/api/cart/items', String(MAX_JSON_BODY_BYTES))).toBeNull();
    expect(frontDoorRefusal('POST', '/checkout', String(MAX_JSON_BODY_BYTES + 1))).toBeNull();
    expect(frontDoorRefusal('POST', '/api/cart/items', undefined)).toBeNull();
    expect(frontDoorRefusal('PROPFIND', '/', undefined)).toBeNull();
  });

  it("refuses a path with a malformed percent-escape with 400 in the shop's shape, with security headers (issue 30 L4)", () => {
    const api = frontDoorRefusal('GET', '/api/products/%ff%fe', undefined)!;
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toEqual({ error: { code: 'BAD_REQUEST', message: expect.any(String) } });
    expect(api.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(api.headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    const page = frontDoorRefusal('GET', '/p/%ff?x=1', undefined)!;
    expect(page.status).toBe(400);
    expect(page.headers['Content-Type']).toMatch(/^text\/plain/);
    expect(page.headers['X-Frame-Options']).toBe('DENY');
    // Well-formed escapes, and a bad one in the query (the page's business), pass.
    expect(frontDoorRefusal('GET', '/search?q=%ff', undefined)).toBeNull();
    expect(frontDoorRefusal('GET', '/p/caf%C3%A9', undefined)).toBeNull();
  });
});
