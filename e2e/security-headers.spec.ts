import { type APIResponse, expect, test } from '@playwright/test';

// Security headers on every page (server/platform/http/security-headers.ts, ADR 0006), checked against the real middleware
// of the production build: a fresh nonce per response on dynamic pages, on every script Next emits, no CSP violation
// while a shopper uses the page, and an injected script without the nonce (or hash) refused by the browser. The
// cached catalog pages' hash policy: e2e/cached-catalog.spec.ts.

type ProductList = { items: { slug: string }[] };
type ProductDetail = { variants: { available: number }[] };

/** A product whose every variant is in stock, so its page offers "Add to cart" whatever variant is preselected. */
async function productSlug(request: import('@playwright/test').APIRequestContext): Promise<string> {
  const res = await request.get('/api/products?limit=30');
  expect(res.status()).toBe(200);
  for (const { slug } of ((await res.json()) as ProductList).items) {
    const detail = (await (await request.get(`/api/products/${slug}`)).json()) as ProductDetail;
    if (detail.variants.every((v) => v.available > 0)) return slug;
  }
  throw new Error('no fully in-stock product among the first 30');
}

function cspNonce(res: APIResponse): string {
  const csp = res.headers()['content-security-policy'] ?? '';
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, `no nonce in: ${csp}`).toBeTruthy();
  return nonce!;
}

function expectCommonHeaders(res: APIResponse, label: string): void {
  const h = res.headers();
  expect(h['x-content-type-options'], label).toBe('nosniff');
  expect(h['referrer-policy'], label).toBe('strict-origin-when-cross-origin');
  expect(h['x-frame-options'], label).toBe('DENY');
  expect(h['content-security-policy'], label).toContain("frame-ancestors 'none'");
  // Served on 127.0.0.1: HTTPS is not pinned on a developer's loopback.
  expect(h['strict-transport-security'], label).toBeUndefined();
}

test('every dynamic page has a nonce CSP that covers all of its scripts, fresh on each response', async ({ request }) => {
  const pages = ['/search?q=espresso', '/cart', '/sign-in', '/stores', '/no-such-page'];
  for (const path of pages) {
    const res = await request.get(path);
    expect([200, 404], path).toContain(res.status());
    expectCommonHeaders(res, path);
    const nonce = cspNonce(res);
    expect(res.headers()['content-security-policy']).toContain("'strict-dynamic'");
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    const executable = scripts.filter((attrs) => !/type="application\/ld\+json"/.test(attrs));
    expect(executable.length, `${path} has scripts`).toBeGreaterThan(0);
    for (const attrs of executable) expect(attrs, `${path}: <script${attrs}>`).toContain(`nonce="${nonce}"`);
    const again = await request.get(path);
    expect(cspNonce(again), `${path} reuses its nonce`).not.toBe(nonce);
  }
});

test('catalog pages carry the same base headers', async ({ request }) => {
  const slug = await productSlug(request);
  for (const path of ['/', '/c/coffee', `/p/${slug}`]) expectCommonHeaders(await request.get(path), path);
});

test('JSON routes carry a deny-all policy and the same base headers', async ({ request }) => {
  for (const path of ['/api/categories', '/api/cart', '/api/orders', '/api/products?limit=nope']) {
    const res = await request.get(path);
    expectCommonHeaders(res, path);
    expect(res.headers()['content-security-policy'], path).toBe("default-src 'none'; frame-ancestors 'none'");
  }
});

test('a shopper adds to the cart under the policy with no violation, and an injected script is refused', async ({ page, request }) => {
  const slug = await productSlug(request);
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const consoleCsp: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) consoleCsp.push(msg.text());
  });

  await page.goto(`/p/${slug}`);
  // The click only works if React hydrated, i.e. the hashed scripts ran (a catalog page), then nonced ones (/cart).
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('dialog', { name: 'Your cart' })).toBeVisible();
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Categories' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto('/cart');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  expect(consoleCsp).toEqual([]);

  // What a stored or reflected XSS would do: markup with an inline handler. Without the nonce (and with no
  // 'unsafe-inline'), the browser must refuse to run it and report the violation.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img alt="" src="/no-such-image.png" onerror="window.__injected = true">'));
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.some((v) => v.startsWith('script-src'))))
    .toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
});
