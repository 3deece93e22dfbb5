import { type APIRequestContext, expect, type Page, type Request, test } from '@playwright/test';

// Issue 26 item 4, ADR 0028: a catalog page view makes ONE per-shopper read. Every island of /, /c/[category] and
// /p/[slug] (header, hearts, recommendations, recently viewed, flag-gated sections) takes what it shows from one
// GET /api/shopper (no-store); the per-island routes (/api/wishlist, /api/recently-viewed, /api/recommendations,
// /api/top-sellers, /api/cart) are never asked. The only other API calls are the beacons that WRITE (page views,
// product views, web vitals), which are not reads and stay separate.

/** Write-only beacons: POSTs that report, never read anything for the page. */
const BEACONS = new Set(['/api/page-views', '/api/views', '/api/vitals']);
const OLD_ISLAND_ROUTES = ['/api/wishlist', '/api/recently-viewed', '/api/recommendations', '/api/top-sellers', '/api/cart'];

type Seen = { method: string; path: string; search: string };

function watchApi(page: Page): Seen[] {
  const seen: Seen[] = [];
  page.on('request', (r: Request) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/')) seen.push({ method: r.method(), path: url.pathname, search: url.search });
  });
  return seen;
}

/** The page has settled: loaded, the network idle, and a moment more in which a late island could still ask. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1_000);
}

function expectOneShopperRead(seen: Seen[], label: string) {
  const reads = seen.filter((s) => !(s.method === 'POST' && BEACONS.has(s.path)));
  expect(
    reads.map((s) => `${s.method} ${s.path}`),
    `${label}: API calls other than the write beacons`,
  ).toEqual(['GET /api/shopper']);
  for (const route of OLD_ISLAND_ROUTES)
    expect(
      seen.filter((s) => s.path.startsWith(route)),
      `${label}: ${route}`,
    ).toEqual([]);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * In-stock products from the far end of a 100-product listing. Far from the start on purpose: /api/views records one
 * view of a product per address per 30 minutes, and the other specs view the first products of the listing from the
 * same address, so a view of one of those would be answered and not recorded.
 */
async function inStockProducts(request: APIRequestContext, n: number) {
  const list = (await (await request.get('/api/products?limit=100')).json()) as { items: { id: string; slug: string; name: string; category: string }[] };
  const out: typeof list.items = [];
  for (const p of [...list.items].reverse()) {
    const detail = (await (await request.get(`/api/products/${p.slug}`)).json()) as { variants: { available: number }[] };
    if (detail.variants.some((v) => v.available > 0)) out.push(p);
    if (out.length === n) return out;
  }
  throw new Error(`fewer than ${n} in-stock products among the first 100`);
}

test('a guest’s home, category and product page views each make one shopper call and none to the per-island routes', async ({ page, request }) => {
  test.setTimeout(120_000);
  const [first, second] = await inStockProducts(request, 2);
  const seen = watchApi(page);

  // Home: header, hearts, top sellers (in the HTML; the flag from the summary), "for you" and recently viewed.
  const home = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/shopper');
  await page.goto('/');
  const homeSummary = await home;
  expect(homeSummary.headers()['cache-control']).toBe('private, no-store');
  await settle(page);
  expectOneShopperRead(seen, '/');
  await expect(page.getByRole('heading', { level: 2, name: 'Top sellers' })).toBeVisible();
  const homeRead = seen.find((s) => s.path === '/api/shopper')!;
  expect(new URLSearchParams(homeRead.search).get('include')?.split(',')).toEqual(expect.arrayContaining(['wishlist', 'recentlyViewed']));

  // A category page: a grid of hearts, still one call; the hearts work once it has answered.
  seen.length = 0;
  await page.goto(`/c/${first!.category}`);
  await settle(page);
  expectOneShopperRead(seen, `/c/${first!.category}`);
  await expect(
    page
      .locator('main')
      .getByRole('button', { name: /^Save .+ to wishlist$/ })
      .first(),
  ).toBeEnabled();

  // The first product page: recorded as viewed (a write beacon), one read naming the product.
  seen.length = 0;
  await page.goto(`/p/${first!.slug}`);
  await settle(page);
  expectOneShopperRead(seen, `/p/${first!.slug}`);
  const productRead = seen.find((s) => s.path === '/api/shopper')!;
  expect(new URLSearchParams(productRead.search).get('productId')).toBe(first!.id);
  await expect(page.getByRole('button', { name: `Save ${first!.name} to wishlist` })).toBeEnabled();

  // The view reaches the events table after the response; wait for it through the old route (from the test, not
  // the page), so the next page's one read can show it.
  await expect
    .poll(async () => ((await (await page.request.get('/api/recently-viewed')).json()) as { items: { id: string }[] }).items.map((p) => p.id))
    .toContain(first!.id);

  // The second product page shows the first under "Recently viewed", from its one read.
  seen.length = 0;
  await page.goto(`/p/${second!.slug}`);
  await expect(page.getByRole('list', { name: 'Recently viewed products' }).getByRole('link', { name: new RegExp(escapeRegExp(first!.name)) })).toBeVisible();
  await settle(page);
  expectOneShopperRead(seen, `/p/${second!.slug}`);
});

test('a client-side navigation to a product page is one more shopper call, for that product', async ({ page }) => {
  test.setTimeout(90_000);
  const seen = watchApi(page);
  await page.goto('/');
  await settle(page);
  expectOneShopperRead(seen, '/');

  seen.length = 0;
  const card = page.locator('main').getByRole('region', { name: 'Featured' }).locator('a[href^="/p/"]').first();
  const href = (await card.getAttribute('href'))!;
  await card.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await settle(page);
  expectOneShopperRead(seen, `client navigation to ${href}`);
  expect(new URLSearchParams(seen.find((s) => s.path === '/api/shopper')!.search).get('productId')).toBeTruthy();
});

test('a signed-in shopper’s catalog pages also make one shopper call each', async ({ page, request, baseURL }) => {
  test.setTimeout(90_000);
  const [product] = await inStockProducts(request, 1);
  // Through the API: the page's context shares the cookies it sets.
  const signIn = await page.request.post('/api/auth/sign-in', {
    data: { email: 'shopper@example.com', password: 'Shopper-pass-1' },
    headers: { origin: baseURL! },
  });
  expect(signIn.ok()).toBe(true);
  const seen = watchApi(page);
  for (const path of ['/', `/c/${product!.category}`, `/p/${product!.slug}`]) {
    seen.length = 0;
    await page.goto(path);
    await expect(page.getByRole('banner').getByText('Signed in as Sam Shopper').first()).toBeVisible();
    await settle(page);
    expectOneShopperRead(seen, `${path} (signed in)`);
  }
});
