import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanApiRoutes } from './server/platform/http/api-route-table.mjs';

// middleware.ts's own steps, through the real function (issues 19.7, 19.10, 11.4): internal headers never reach
// the page or route, the request id is ours, a wrong method is a 405 before any work, cacheable answers set no cookie.
// No stack: a request without cookies needs no Cognito, and these paths read no flag.

let middleware: (req: NextRequest) => Promise<Response>;
beforeAll(async () => {
  // What next.config.mjs inlines into the build.
  process.env.STOREFRONT_API_ROUTES = JSON.stringify(scanApiRoutes('app'));
  ({ middleware } = await import('./middleware'));
});

const call = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  middleware(new NextRequest(`http://localhost:3000${path}`, init));
/** The request headers middleware forwards (NextResponse.next carries them as x-middleware-request-*). */
const forwarded = (res: Response) =>
  [...res.headers.keys()].filter((k) => k.startsWith('x-middleware-request-')).map((k) => k.slice('x-middleware-request-'.length));

describe('middleware', () => {
  it('forwards no internal header a client sent (x-nextjs-*, x-now-route-matches, x-middleware-*, ...), and keeps the rest', async () => {
    const forged = {
      'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware',
      'x-middleware-prefetch': '1',
      'x-nextjs-data': '1',
      'x-nextjs-matched-path': '/admin',
      'x-now-route-matches': 'slug=x',
      'x-matched-path': '/api/admin/flags',
      'x-next-revalidated-tags': 'catalog',
      'x-invoke-path': '/',
      'x-isr': '1',
      'x-opennext': '1',
      'x-prerender-revalidate': 'x',
    };
    const res = await call('/api/products', { headers: { ...forged, 'x-shop-test': 'kept', 'next-router-state-tree': 'kept' } });
    const names = forwarded(res);
    for (const name of Object.keys(forged)) expect(names, name).not.toContain(name);
    expect(names).toContain('x-shop-test');
    expect(names).toContain('next-router-state-tree');
  });

  it('keeps the socket address the server stamped (x-storefront-peer-address), which the sign-in limits key on', async () => {
    const res = await call('/api/products', { headers: { 'x-storefront-peer-address': '203.0.113.9' } });
    expect(forwarded(res)).toContain('x-storefront-peer-address');
    expect(res.headers.get('x-middleware-request-x-storefront-peer-address')).toBe('203.0.113.9');
  });

  it('answers a wrong method on a real JSON route with a JSON 405 and Allow, before any other step', async () => {
    const res = await call('/api/checkout', { method: 'GET' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('OPTIONS, POST');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.json()).toEqual({ error: { code: 'METHOD_NOT_ALLOWED', message: expect.stringContaining('GET') } });
    const dynamic = await call('/api/orders/some-id', { method: 'DELETE' });
    expect(dynamic.status).toBe(405);
    expect(dynamic.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    // Encoded and trailing-slash spellings are the same route.
    expect((await call('/api/%63heckout/', { method: 'PUT' })).status).toBe(405);
  });

  it('lets a right method, and an unknown /api path (the JSON 404 route answers it), carry on', async () => {
    expect((await call('/api/categories')).status).toBe(200);
    expect((await call('/api/products', { method: 'HEAD' })).status).toBe(200);
    expect((await call('/api/nonexistent/deeper', { method: 'POST' })).status).toBe(200);
  });

  it('refuses methods no page takes (PROPFIND, PUT on a page) with 405', async () => {
    const res = await call('/', { method: 'PROPFIND' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS, POST');
    expect((await call('/p/anything', { method: 'PUT' })).status).toBe(405);
    expect((await call('/api/products', { method: 'PROPFIND' })).status).toBe(405);
  });

  it('sets no cookie on a publicly cacheable answer (sitemaps, robots.txt, catalog pages), but mints sf_anon on other pages', async () => {
    for (const path of ['/sitemap.xml', '/sitemaps/1', '/robots.txt', '/', '/c/coffee', '/p/a-mug', '/llms.txt', '/feeds/products.json', '/md/p/a-mug']) {
      const res = await call(path);
      expect(res.headers.get('set-cookie'), path).toBeNull();
    }
    expect((await call('/search?q=mug')).headers.get('set-cookie')).toContain('sf_anon=');
  });

  it('refuses a page POST (a server action) from another site with 403: a foreign Origin, or none with a foreign Referer or Sec-Fetch-Site: cross-site (issue 30 L3)', async () => {
    const action = { 'next-action': 'abc123', 'content-type': 'text/plain;charset=UTF-8' };
    for (const foreign of <Record<string, string>[]>[
      { origin: 'https://evil.example' },
      { referer: 'https://evil.example/page' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'null' },
    ]) {
      const res = await call('/alerts/unsubscribe', { method: 'POST', headers: { ...action, ...foreign } });
      expect(res.status, JSON.stringify(foreign)).toBe(403);
      expect(await res.json()).toEqual({ error: { code: 'FORBIDDEN', message: expect.any(String) } });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    // The shop's own pages, and a client that sends none of the three (not a browser), pass.
    expect((await call('/alerts/unsubscribe', { method: 'POST', headers: { ...action, origin: 'http://localhost:3000' } })).status).not.toBe(403);
    expect((await call('/alerts/unsubscribe', { method: 'POST', headers: { ...action, 'sec-fetch-site': 'same-origin' } })).status).not.toBe(403);
  });

  it("answers a malformed percent-escape with 400 in the shop's shape and its security headers (issue 30 L4)", async () => {
    const api = await call('/api/products/%ff%fe');
    expect(api.status).toBe(400);
    expect(await api.json()).toEqual({ error: { code: 'BAD_REQUEST', message: expect.any(String) } });
    expect(api.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await call('/p/%ff');
    expect(page.status).toBe(400);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  it('rewrites a catalog page to its Markdown rendering for Accept: text/markdown, and leaves browsers on the HTML', async () => {
    const agent = { accept: 'text/markdown, text/html;q=0.5' };
    for (const [path, target] of [
      ['/p/a-mug', '/md/p/a-mug'],
      ['/c/coffee?cursor=abc', '/md/c/coffee?cursor=abc'],
      ['/', '/md'],
    ] as const) {
      const res = await call(path, { headers: agent });
      expect(
        new URL(res.headers.get('x-middleware-rewrite') ?? 'http://x/none').pathname + new URL(res.headers.get('x-middleware-rewrite') ?? 'http://x/').search,
        path,
      ).toBe(target);
      expect(res.headers.get('set-cookie'), path).toBeNull();
    }
    const browser = await call('/p/a-mug', { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(browser.headers.get('x-middleware-rewrite')).toBeNull();
    // Not a catalog page: no Markdown twin.
    expect((await call('/search?q=mug', { headers: agent })).headers.get('x-middleware-rewrite')).toBeNull();
  });
});
