import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { inStockVariant, signUpShopper } from './order-support';

// The wishlist in the browser: a guest hearts a product, signs up and in, and finds it kept; the /wishlist page's
// forms work without JavaScript (move to cart, remove).

test('a guest hearts a product, signs in, and the wishlist keeps it', async ({ page }) => {
  const { slug } = await inStockVariant(page.request);
  await page.goto(`/p/${slug}`);
  const name = (await page.getByRole('heading', { level: 1 }).textContent())!;
  const heart = page
    .getByRole('main')
    .getByRole('button', { name: `Save ${name} to wishlist` })
    .first();
  await expect(heart).toHaveAttribute('aria-pressed', 'false');
  // The heart turns at once (optimistic); the reload waits for the server's answer, which sets the guest cookie.
  // Reloading before it arrives cancels the request, and then nothing was saved (a CI run did exactly that).
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/wishlist/items') && r.request().method() === 'POST');
  await heart.click();
  await expect(heart).toHaveAttribute('aria-pressed', 'true');
  expect((await saved).status()).toBe(201);
  await expect(
    page
      .getByRole('main')
      .getByRole('status')
      .filter({ hasText: `Saved ${name} to your wishlist.` }),
  ).toHaveCount(1);
  await page.reload();
  await expect(
    page
      .getByRole('main')
      .getByRole('button', { name: `Save ${name} to wishlist` })
      .first(),
  ).toHaveAttribute('aria-pressed', 'true');

  // Signing in through the API shares the page's cookies: the sign-in route merges the guest list.
  await signUpShopper(page.request, 'wishlist');
  await page.goto('/wishlist');
  const list = page.getByRole('list', { name: 'Saved products' });
  await expect(list.getByRole('link', { name })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // The guest cookie is gone: the list now belongs to the account.
  expect((await page.context().cookies()).some((c) => c.name === 'sf_wish')).toBe(false);
});

test('the wishlist page moves an item to the cart, toggles a price-drop email and removes one without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const item = await inStockVariant(page.request);
  const other = await inStockVariant(page.request, 1);
  await signUpShopper(page.request, 'wishlist-nojs');
  for (const productId of new Set([item.productId, other.productId])) {
    const res = await page.request.post('/api/wishlist/items', { data: { productId } });
    expect(res.status()).toBe(201);
  }
  await page.goto('/wishlist');
  const saved = page.getByRole('list', { name: 'Saved products' });
  const status = page.getByRole('main').getByRole('status');
  const first = saved.getByRole('listitem').first();
  const productName = (await first.getByRole('heading', { level: 2 }).textContent())!;

  // The price-drop email is a toggle button: pressed once asked for, and the page after the post shows it.
  const priceDrop = first.getByRole('button', { name: `Email me if ${productName} drops in price` });
  await expect(priceDrop).toHaveAttribute('aria-pressed', 'false');
  await priceDrop.click();
  await expect(status).toHaveText('We will email you once if its price drops.');
  await expect(saved.getByRole('button', { name: `Email me if ${productName} drops in price` })).toHaveAttribute('aria-pressed', 'true');
  await saved.getByRole('button', { name: `Email me if ${productName} drops in price` }).click();
  await expect(status).toHaveText('No price-drop email for that product.');
  await expect(saved.getByRole('button', { name: `Email me if ${productName} drops in price` })).toHaveAttribute('aria-pressed', 'false');

  await saved.getByRole('button', { name: `Move ${productName} to cart` }).click();
  await expect(status).toHaveText('Moved to your cart.');
  await expect(saved.getByRole('link', { name: productName })).toHaveCount(0);
  const cart = (await (await page.request.get('/api/cart')).json()) as { items: { name: string }[] };
  expect(cart.items.map((i) => i.name)).toContain(productName);

  const remaining = (await (await page.request.get('/api/wishlist')).json()) as { items: { product: { name: string } }[] };
  for (const { product } of remaining.items) {
    await saved.getByRole('button', { name: `Remove ${product.name}` }).click();
    await expect(status).toHaveText('Removed from your wishlist.');
  }
  await expect(page.getByText('Nothing saved yet.')).toBeVisible();
  await context.close();
});
