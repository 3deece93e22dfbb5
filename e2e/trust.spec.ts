import { expect, test } from '@playwright/test';
import { generateDemoCatalog } from '../local/catalog/demo-catalog';
import { expectNoSeriousA11yViolations } from './a11y';
import { signUpShopper } from './order-support';

// Issue 27, trust at first sight: honest ratings, a footer with the shop's policies, and a review form that asks a
// guest to sign in before they write anything (and keeps a signed-in shopper's words when the server says no).

type ProductDetail = { slug: string; reviewCount: number };

test('the footer links every help page, each a shared cached page with its heading', async ({ page }) => {
  await page.goto('/');
  const footer = page.getByRole('navigation', { name: 'Help and policies' });
  for (const name of ['Shipping', 'Returns and refunds', 'Contact us', 'Privacy', 'Terms of sale']) {
    await expect(footer.getByRole('link', { name })).toBeVisible();
  }
  await footer.getByRole('link', { name: 'Shipping' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Shipping' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Standard/ })).toContainText('$5.99');
  await expectNoSeriousA11yViolations(page);
  const answer = await page.request.get('/help/returns');
  expect(answer.status()).toBe(200);
  expect(answer.headers()['cache-control']).toMatch(/^public, /);
  expect(answer.headers()['set-cookie']).toBeUndefined();
  // React separates a number from the words around it with empty comments in the HTML.
  expect((await answer.text()).replaceAll('<!-- -->', '')).toContain('within 30 days of delivery');
});

test('an unreviewed product says "No reviews yet", and a reviewed one shows stars with a review count', async ({ page }) => {
  let unreviewed: string | undefined;
  for (const row of generateDemoCatalog().filter((r) => r.reviewCount === 0)) {
    const detail = (await (await page.request.get(`/api/products/${row.slug}`)).json()) as ProductDetail;
    if (detail.reviewCount === 0) {
      unreviewed = row.slug;
      break;
    }
  }
  expect(unreviewed, 'a demo product nobody has reviewed').toBeDefined();
  await page.goto(`/p/${unreviewed}`);
  await expect(page.getByRole('main').getByText('No reviews yet').first()).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText('★ 0.0');

  await page.goto('/search?q=&sort=rating');
  const grid = page.getByRole('list', { name: 'Search results' });
  await expect(grid.getByRole('img', { name: /^Rated [0-5]\.\d out of 5$/ }).first()).toBeVisible();
  await expect(grid.getByText(/^\((1 review|[\d,]+ reviews)\)$/).first()).toBeVisible();
  await expect(grid).not.toContainText(/\b1 reviews\b|\b1 stars\b/);
});

test('a guest is asked to sign in before writing a review; a signed-in shopper keeps their words when it is refused', async ({ page }) => {
  const slug = generateDemoCatalog()[0]!.slug;
  await page.goto(`/p/${slug}`);
  const reviews = page.getByRole('region', { name: 'Reviews' });
  const signInLink = reviews.getByRole('link', { name: 'Sign in to write a review' });
  await expect(signInLink).toBeVisible();
  await expect(reviews.getByRole('textbox')).toHaveCount(0);
  expect(new URL((await signInLink.getAttribute('href'))!, 'http://x').searchParams.get('next')).toBe(`/p/${slug}`);

  // A new account has bought nothing: the server refuses the review, and the form still holds what was typed.
  await signUpShopper(page.request, 'trust-review');
  await page.reload();
  const form = page.getByRole('form', { name: 'Write a review' });
  await form.getByLabel('4 stars').check();
  await form.getByLabel('Title').fill('Kept after a refusal');
  await form.getByLabel('Your review').fill('These words must still be here after the server answers.');
  await form.getByRole('button', { name: 'Submit review' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await expect(form.getByLabel('Title')).toHaveValue('Kept after a refusal');
  await expect(form.getByLabel('Your review')).toHaveValue('These words must still be here after the server answers.');
  await expect(form.getByLabel('4 stars')).toBeChecked();
});
