import { type APIRequestContext, expect, test } from '@playwright/test';
import { generateDemoCatalog } from '../local/catalog/demo-catalog';
import { productIdFromSlug } from '../server/catalog/import/product-id';
import { expectNoSeriousA11yViolations } from './a11y';

// Product editing end to end: a marketer changes a price on /admin/products through the review step and the product
// page, the JSON API and search show it within the 10 s budget (polled, never slept on); unpublishing takes the
// product off its page and out of search, and shoppers cannot reach the screen or its API.

const MARKETER = { email: 'marketer@example.com', password: 'Marketer-pass-1' };
const SHOPPER = { email: 'shopper@example.com', password: 'Shopper-pass-1' };
const WITHIN_BUDGET = { timeout: 10_000, intervals: [250, 500, 1_000] };

// Single-variant demo products other specs do not touch (reimport.spec.ts edits the first one).
const [, , , editTarget, hideTarget] = generateDemoCatalog().filter((r) => r.variants.length === 1);

type AdminProduct = { id: string; version: number; published: boolean; variants: { id: string; price: { amount: number }; available: number }[] };

async function signIn(api: APIRequestContext, account: { email: string; password: string }) {
  const res = await api.post('/api/auth/sign-in', { data: account });
  expect(res.status(), await res.text()).toBe(200);
}

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

test('a marketer edits a price and the product page, API and search show it within 10 seconds', async ({ page, browser }) => {
  const row = editTarget!;
  const before = row.variants[0]!.price;
  const next = before + 321;

  // A shopper has the page open (and cached) before the edit.
  const shopper = await (await browser.newContext()).newPage();
  await shopper.goto(`/p/${row.slug}`);
  await expect(shopper.locator('.product__price')).toHaveText(dollars(before));

  await signIn(page.request, MARKETER);
  await page.goto('/admin/products');
  await expect(page.getByRole('heading', { level: 1, name: 'Products' })).toBeVisible();
  await page.getByLabel('Name, slug, brand or category').fill(row.name);
  await page.getByRole('main').getByRole('button', { name: 'Search' }).click();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('link', { name: row.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: row.name })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const label = Object.values(row.variants[0]!.options).join(' / ') || row.variants[0]!.id;
  await page.getByLabel(`Price of ${label}`).fill((next / 100).toFixed(2));
  await page.getByRole('button', { name: 'Review changes' }).click();
  const review = page.getByRole('region', { name: 'Check before saving' });
  await expect(review).toContainText(`${dollars(before)} → ${dollars(next)}`);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Save changes' }).click();
  // The content form beside it has a status region of its own (issue 29).
  await expect(page.getByRole('status').filter({ hasText: 'Saved version' })).toContainText('Saved version');
  await expect(page.getByRole('list', { name: `History of ${row.name}` })).toContainText(`price ${dollars(before)} → ${dollars(next)}`);
  await expect(page.getByRole('list', { name: `History of ${row.name}` })).toContainText(MARKETER.email);

  await expect
    .poll(async () => {
      await shopper.reload();
      return shopper.locator('.product__price').textContent();
    }, WITHIN_BUDGET)
    .toBe(dollars(next));
  await expect
    .poll(async () => ((await (await shopper.request.get(`/api/products/${row.slug}`)).json()) as { price: { amount: number } }).price.amount, WITHIN_BUDGET)
    .toBe(next);
  await expect
    .poll(async () => {
      const res = await shopper.request.get(`/api/search?${new URLSearchParams({ q: row.name, limit: '50' })}`);
      const { items } = (await res.json()) as { items: { slug: string; price: { amount: number } }[] };
      return items.find((i) => i.slug === row.slug)?.price.amount;
    }, WITHIN_BUDGET)
    .toBe(next);
});

test('unpublishing takes a product off its page and out of search, and publishing brings it back', async ({ request }) => {
  const row = hideTarget!;
  const id = productIdFromSlug(row.slug);
  await signIn(request, MARKETER);
  const current = (await (await request.get(`/api/admin/products/${id}`)).json()) as AdminProduct;
  const inSearch = async () => {
    const res = await request.get(`/api/search?${new URLSearchParams({ q: row.name, limit: '50' })}`);
    return ((await res.json()) as { items: { slug: string }[] }).items.some((i) => i.slug === row.slug);
  };
  expect(await inSearch()).toBe(true);

  const hidden = await request.patch(`/api/admin/products/${id}`, { data: { published: false, expectedVersion: current.version } });
  expect(hidden.status(), await hidden.text()).toBe(200);
  const after = (await hidden.json()) as AdminProduct;
  expect(after).toMatchObject({ published: false, version: current.version + 1 });

  await expect.poll(async () => (await request.get(`/p/${row.slug}`)).status(), WITHIN_BUDGET).toBe(404);
  await expect.poll(async () => (await request.get(`/api/products/${row.slug}`)).status(), WITHIN_BUDGET).toBe(404);
  await expect.poll(inSearch, WITHIN_BUDGET).toBe(false);

  const stale = await request.patch(`/api/admin/products/${id}`, { data: { published: true, expectedVersion: current.version } });
  expect(stale.status()).toBe(409);
  expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('VERSION_CONFLICT');

  const shown = await request.patch(`/api/admin/products/${id}`, { data: { published: true, expectedVersion: after.version } });
  expect(shown.status(), await shown.text()).toBe(200);
  await expect.poll(async () => (await request.get(`/p/${row.slug}`)).status(), WITHIN_BUDGET).toBe(200);
  await expect.poll(inSearch, WITHIN_BUDGET).toBe(true);
});

test('shoppers cannot open the product editor or call its API', async ({ page }) => {
  await signIn(page.request, SHOPPER);
  await page.goto('/admin/products');
  await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to product editing' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const id = productIdFromSlug(editTarget!.slug);
  expect((await page.request.get(`/api/admin/products/${id}`)).status()).toBe(403);
  const patch = await page.request.patch(`/api/admin/products/${id}`, { data: { published: false, expectedVersion: 1 } });
  expect(patch.status()).toBe(403);
});
