import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { inStockVariant, placeOrder, signIn, signUpShopper } from './order-support';

// The marketers' dashboard end to end: a shopper views a product, searches for something the catalog lacks and
// orders; a marketer opens /admin/analytics and sees that order and that zero-result search within 2 minutes
// (the events are collected after each response and flushed to the local Parquet lake).

const MARKETER = { email: 'marketer@example.com', password: 'Marketer-pass-1' };
const today = () => new Date().toISOString().slice(0, 10);

test('a marketer sees an order and a zero-result search from this run on the dashboard', async ({ browser, page }) => {
  test.setTimeout(240_000);
  await signIn(page.request, MARKETER.email, MARKETER.password);
  const dashboard = `/admin/analytics?from=${today()}&to=${today()}`;
  await page.goto(dashboard);
  await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();
  const ordersKpi = page.getByRole('definition').first();
  const ordersBefore = Number(((await ordersKpi.textContent()) ?? '').replaceAll(',', ''));

  const shopper = await browser.newContext();
  const shopperPage = await shopper.newPage();
  await shopperPage.goto('/');
  await signUpShopper(shopperPage.request, 'analytics');
  const item = await inStockVariant(shopperPage.request);
  await shopperPage.goto(`/p/${item.slug}`);
  const query = `zzabsent${Date.now().toString(36)}`;
  await shopperPage.goto(`/search?q=${query}`);
  await expect(shopperPage.getByRole('heading', { name: 'No products match' })).toBeVisible();
  await placeOrder(shopperPage.request, item);
  await shopper.close();

  const zeroResults = page.getByRole('table', { name: 'Zero-result searches' });
  await expect
    .poll(
      async () => {
        await page.goto(dashboard);
        const orders = Number(((await ordersKpi.textContent()) ?? '').replaceAll(',', ''));
        const searched = await zeroResults.getByRole('cell', { name: query, exact: true }).count();
        return orders > ordersBefore && searched === 1;
      },
      { timeout: 120_000, intervals: [2_000, 5_000] },
    )
    .toBe(true);
  await expect(page.getByRole('img', { name: 'Revenue by day, in dollars' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Revenue and orders by day' }).getByRole('row', { name: new RegExp(today()) })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('the dashboard is for marketers: a shopper is denied, the API answers 403, a bad range 400', async ({ page }) => {
  await signUpShopper(page.request, 'analytics-denied');
  await page.goto('/admin/analytics');
  await expect(page.getByRole('heading', { name: 'You do not have access to analytics' })).toBeVisible();
  expect((await page.request.get(`/api/admin/analytics/summary?from=${today()}&to=${today()}`)).status()).toBe(403);
  await signIn(page.request, MARKETER.email, MARKETER.password);
  const bad = await page.request.get('/api/admin/analytics/summary?from=2026-12-02&to=2026-12-01');
  expect(bad.status()).toBe(400);
  const ok = await page.request.get(`/api/admin/analytics/summary?from=${today()}&to=${today()}`);
  const summary = await ok.json();
  expect(Object.keys(summary).sort()).toEqual(['averageOrderValue', 'byDay', 'funnel', 'orders', 'revenue', 'topSearches', 'vitals', 'zeroResultSearches']);
  // Sequential: whatever this run's events, the funnel never rises.
  const { productViews, addToCarts, checkouts, orders } = summary.funnel;
  expect(addToCarts).toBeLessThanOrEqual(productViews);
  expect(checkouts).toBeLessThanOrEqual(addToCarts);
  expect(orders).toBeLessThanOrEqual(checkouts);
});

test('real-user vitals from a shopper’s browser reach the dashboard, p75 per page template', async ({ browser, page }) => {
  test.setTimeout(240_000);
  await signIn(page.request, MARKETER.email, MARKETER.password);
  const api = `/api/admin/analytics/summary?from=${today()}&to=${today()}`;
  type Vitals = { template: string; lcpP75: number | null; samples: number }[];
  const productSamples = async () => ((await (await page.request.get(api)).json()).vitals as Vitals).find((v) => v.template === '/p/[slug]')?.samples ?? 0;
  const before = await productSamples();

  const shopper = await browser.newContext();
  const shopperPage = await shopper.newPage();
  const item = await inStockVariant(shopperPage.request);
  const sent = shopperPage.waitForRequest((r) => r.url().endsWith('/api/vitals') && r.method() === 'POST');
  await shopperPage.goto(`/p/${item.slug}`);
  await expect(shopperPage.getByRole('heading', { level: 1 })).toBeVisible();
  // An input ends LCP; leaving the page (hidden) sends it with CLS and INP, as a real visit would.
  await shopperPage.mouse.click(5, 300);
  await shopperPage.goto('/search?q=mug');
  await sent;
  await shopper.close();

  await expect.poll(productSamples, { timeout: 120_000, intervals: [2_000, 5_000] }).toBeGreaterThan(before);
  await page.goto(`/admin/analytics?from=${today()}&to=${today()}`);
  const table = page.getByRole('table', { name: 'Core Web Vitals, 75th percentile by page template' });
  await expect(table.getByRole('row', { name: /\/p\/\[slug\]/ })).toContainText(/\d (s|ms) \((good|needs improvement|poor)\)/);
  await expectNoSeriousA11yViolations(page);
});

test('the dashboard fits a phone: no sideways scrolling of the page', async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await phone.newPage();
  await signIn(page.request, MARKETER.email, MARKETER.password);
  await page.goto('/admin/analytics');
  await expect(page.getByRole('heading', { level: 2, name: 'Funnel' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  // Step names wrap between words, never inside one: each word of a step is on one line (its box is one line high).
  const step = page.getByRole('table', { name: 'Funnel' }).getByRole('cell', { name: 'Viewed a product' });
  const lines = await step.evaluate((cell) => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    const wordTops = new Map<string, Set<number>>();
    const text = cell.firstChild!;
    for (const m of (cell.textContent ?? '').matchAll(/\S+/g)) {
      const tops = new Set<number>();
      for (let i = m.index; i < m.index + m[0].length; i++) {
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        tops.add(Math.round(range.getBoundingClientRect().top));
      }
      wordTops.set(m[0], tops);
    }
    return [...wordTops.values()].map((t) => t.size);
  });
  expect(lines.every((n) => n === 1)).toBe(true);
  // Axis ticks are whole counts, never Plot's "0.000000" for an empty range.
  await expect(page.getByRole('img', { name: 'Funnel: visitors at each step' })).not.toContainText('0.000000');
  await expectNoSeriousA11yViolations(page);
  await phone.close();
});
