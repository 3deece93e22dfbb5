import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { generateDemoCatalog } from '../local/catalog/demo-catalog';
import { expectNoSeriousA11yViolations } from './a11y';
import { inStockVariant, placeOrder, signIn, signUpShopper, waitForStatus } from './order-support';

// Alerts and reviews in the browser: a guest asks to hear about a sold-out option and reads the email in the local
// inbox after a restock (stock written through the catalog importer, as an import or a marketer would); a buyer
// whose order was delivered writes a review, a marketer approves it in /admin/reviews, and it shows on the page.

const run = promisify(execFile);

function stackEnv(baseURL: string): Record<string, string> {
  const port = new URL(baseURL).port;
  return JSON.parse(readFileSync(join(tmpdir(), `storefront-e2e-${port}.json`), 'utf8')) as Record<string, string>;
}

async function importRows(baseURL: string, rows: unknown[]): Promise<void> {
  const file = join(tmpdir(), `engage-import-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(rows));
  await run('npx', ['tsx', 'local/catalog/import-cli.ts', file], { env: { ...process.env, ...stackEnv(baseURL) } });
}

test('a guest subscribes to a restock and gets one email in the local inbox once it is back', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const row = generateDemoCatalog().find((r) => r.variants.length === 1 && r.variants[0]!.stock > 0)!;
  const variant = row.variants[0]!;
  await importRows(baseURL!, [{ ...row, variants: [{ ...variant, stock: 0 }] }]);
  await expect
    .poll(
      async () => {
        await page.goto(`/p/${row.slug}`);
        return page.getByText('Out of stock', { exact: true }).count();
      },
      { timeout: 30_000 },
    )
    .toBe(1);

  const email = `restock-${Date.now().toString(36)}@example.com`;
  await page.getByLabel('Your email (not needed when signed in)').fill(email);
  await page.getByRole('button', { name: "Email me when it's back" }).click();
  await expect(page.getByRole('status').filter({ hasText: `Check your email: follow the link we sent to start your alert for ${row.name}.` })).toBeVisible();

  type Stored = { emails: { destination: { to: string[] }; subject: string; body: { text: string } }[] };
  const inbox = async () =>
    ((await (await fetch(`${stackEnv(baseURL!).SES_ENDPOINT}/store`)).json()) as Stored).emails.filter((m) => m.destination.to.includes(email));
  // Double opt-in: the address gets one question; its link's GET only asks, the button confirms.
  await expect.poll(async () => (await inbox()).map((m) => m.subject), { timeout: 30_000 }).toEqual([`Confirm your alert: ${row.name}`]);
  const link = /(http\S+\/alerts\/confirm\?t=\S+)/.exec((await inbox())[0]!.body.text)![1]!;
  await page.goto(new URL(link).pathname + new URL(link).search);
  await page.getByRole('button', { name: 'Yes, start the alert' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done: we will email you once when it is back in stock.' })).toBeVisible();

  await importRows(baseURL!, [{ ...row, variants: [{ ...variant, stock: 7 }] }]);
  await expect
    .poll(async () => (await inbox()).map((m) => m.subject), { timeout: 30_000 })
    .toEqual([`Confirm your alert: ${row.name}`, `Back in stock: ${row.name}`]);
  expect((await inbox())[1]!.body.text).toContain('/alerts/unsubscribe?t=');
});

test('a delivered order’s buyer reviews the product, a marketer approves it, and it shows on the page', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signUpShopper(page.request, 'reviewer');
  const item = await inStockVariant(page.request);
  const orderId = await placeOrder(page.request, item);
  await waitForStatus(page.request, orderId, 'DELIVERED', 90_000);

  const title = `Review ${Date.now().toString(36)}`;
  await page.goto(`/p/${item.slug}`);
  const form = page.getByRole('form', { name: 'Write a review' });
  await form.getByLabel('4 stars').check();
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Your review').fill('Comfortable from the first day. <b>Markup</b> stays as text.');
  await form.getByRole('button', { name: 'Submit review' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your review will appear once our team has checked it.' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Reviews' }).getByRole('article', { name: title })).toHaveCount(0);

  const marketerContext = await browser.newContext();
  const marketer = await marketerContext.newPage();
  await signIn(marketer.request, 'marketer@example.com', 'Marketer-pass-1');
  await marketer.goto('/admin/reviews');
  await expect(marketer.getByRole('heading', { name: 'Review moderation' })).toBeVisible();
  await expectNoSeriousA11yViolations(marketer);
  await marketer.getByRole('button', { name: `Approve “${title}”` }).click();
  await expect(marketer.getByRole('status')).toContainText('Review approved.');
  await marketerContext.close();

  await page.reload();
  const shown = page.getByRole('list', { name: 'Reviews' }).getByRole('article', { name: title });
  await expect(shown).toBeVisible();
  await expect(shown).toContainText('<b>Markup</b> stays as text.');
  await expect(shown).toContainText('Verified purchase');
  // JSON-LD carries the approved reviews only.
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!) as {
    review?: { name: string }[];
    aggregateRating?: { reviewCount: number };
  };
  expect(jsonLd.review?.map((r) => r.name)).toContain(title);
  expect(jsonLd.aggregateRating?.reviewCount).toBeGreaterThanOrEqual(1);
});
