import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { clickPlaceOrder, signUpShopper } from './order-support';

// Recommendations, the store locator, the checkout delivery estimate and the chat assistant, driven in the browser
// on the local stack. No AWS is configured here, so every answer comes from the local engines (co-purchase
// recommendations, the bundled gazetteer, the rule-based intent parser): the same code path as AWS minus the
// managed call.

type Summary = { id: string; slug: string; name: string };

async function inStockProduct(request: APIRequestContext): Promise<Summary> {
  const list = (await (await request.get('/api/products?limit=48&sort=featured')).json()) as { items: Summary[] };
  for (const p of list.items) {
    const detail = (await (await request.get(`/api/products/${p.slug}`)).json()) as { variants: { available: number }[] };
    if (detail.variants.some((v) => v.available >= 3)) return p;
  }
  throw new Error('no in-stock demo product');
}

async function addToCart(page: Page, product: Summary) {
  await page.goto(`/p/${product.slug}`);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Added ${product.name} to your cart.` })).toBeVisible();
  const drawer = page.getByRole('dialog', { name: 'Your cart' });
  await drawer.getByRole('button', { name: 'Close cart' }).click();
  await expect(drawer).toBeHidden();
}

/** Opens the chat panel from the keyboard and returns it; the message field has focus. */
async function openAssistant(page: Page) {
  const launcher = page.getByRole('button', { name: 'Ask the assistant' });
  await launcher.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: 'Shopping assistant' });
  await expect(panel).toBeVisible();
  await expect(panel.getByLabel('Message')).toBeFocused();
  return panel;
}

async function ask(page: Page, text: string) {
  const panel = page.getByRole('dialog', { name: 'Shopping assistant' });
  const before = await panel.getByRole('log').locator('.assistant__msg--assistant').count();
  await panel.getByLabel('Message').fill(text);
  await page.keyboard.press('Enter');
  const reply = panel.getByRole('log').locator('.assistant__msg--assistant').nth(before);
  await expect(reply).toBeVisible();
  return reply;
}

test('a product page shows "Customers also bought" with other products', async ({ page, request }) => {
  const list = (await (await request.get('/api/products?limit=1&sort=featured')).json()) as { items: Summary[] };
  const product = list.items[0]!;
  await page.goto(`/p/${product.slug}`);
  const section = page.getByRole('region', { name: 'Customers also bought' });
  await expect(section.getByRole('heading', { level: 2, name: 'Customers also bought' })).toBeVisible();
  const links = section.getByRole('list', { name: 'Customers also bought' }).getByRole('link');
  await expect(links.first()).toBeVisible();
  expect(await links.count()).toBeGreaterThan(0);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    expect(href).toMatch(/^\/p\//);
    expect(href).not.toBe(`/p/${product.slug}`);
  }
});

test('/stores finds the nearest stores to a city, nearest first, with distances', async ({ page }) => {
  await page.goto('/stores');
  await expect(page.getByRole('heading', { level: 1, name: 'Find a store' })).toBeVisible();
  await page.getByLabel('City, ZIP code or address').fill('Seattle');
  await page.getByRole('main').getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/stores\?q=Seattle$/);
  await expect(page.getByRole('status').filter({ hasText: /stores nearest to Seattle/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Map of the \d+ nearest stores to Seattle/ })).toBeVisible();

  const stores = page
    .getByRole('list', { name: 'Nearest stores' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3 }) });
  await expect(stores.first()).toContainText('Seattle');
  const distances = (await stores.locator('strong').allTextContents()).map((t) => Number(t.replace(/[^0-9.]/g, '')));
  expect(distances.length).toBeGreaterThan(1);
  expect(distances[0]).toBeLessThan(25);
  expect([...distances].sort((a, b) => a - b)).toEqual(distances);
  await expectNoSeriousA11yViolations(page);

  // A place the gazetteer does not know is said plainly, not a 500 or an empty page.
  await page.goto('/stores?q=Nowhereville%20Zzyzx');
  await expect(page.getByRole('status')).toContainText('We could not find');
});

test('checkout shows a delivery estimate; the assistant tracks the shopper’s own order, finds products and stores', async ({ page, request }) => {
  const product = await inStockProduct(request);

  // Signed out, the assistant will not guess at orders.
  await page.goto('/');
  let panel = await openAssistant(page);
  await expect(await ask(page, 'where is my order')).toContainText('Please sign in');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(page.getByRole('button', { name: 'Ask the assistant' })).toBeFocused();

  // A shopper of its own: the shared demo account's cart may hold another spec's leftovers, and its orders are many.
  await signUpShopper(page.request, 'assistant');
  await addToCart(page, product);
  await page.goto('/checkout');
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
  const form = page.locator('main form');
  await form.getByLabel('Full name').fill('Sam Shopper');
  await form.getByLabel('Address line 1').fill('400 Pine St');
  await form.getByLabel('City').fill('Seattle');
  await form.getByLabel('State').selectOption('WA');
  await form.getByLabel('ZIP code').fill('98101');
  const estimate = page.getByRole('status').filter({ hasText: 'Estimated delivery' });
  await expect(estimate).toContainText(/Estimated delivery: \w{3}, \w{3} \d+–\w{3}, \w{3} \d+, shipped from .+\./);
  await expect(estimate).toContainText('Seattle');

  await form.getByLabel('Card number').fill('4242 4242 4242 4242');
  await form.getByLabel('Expiry month').selectOption('12');
  await form.getByLabel('Expiry year').selectOption(String(new Date().getFullYear() + 3));
  await form.getByLabel('Security code (CVC)').fill('123');
  // The review has the server's tax for Washington: the quote for the state and ZIP is back.
  await expect(page.getByRole('region', { name: 'Review your order' })).not.toContainText('Enter your state');
  await clickPlaceOrder(page, /\/orders\/ord_[0-9A-Za-z]+\?placed=1$/);
  const orderId = new URL(page.url()).pathname.split('/').pop()!;

  // The order question is answered from this shopper's orders: the one just placed is the latest.
  panel = await openAssistant(page);
  const orderReply = await ask(page, 'where is my order');
  const orderNumber = ((await (await page.request.get(`/api/orders/${orderId}`)).json()) as { order: { number: string } }).order.number;
  await expect(orderReply).toContainText(`Your latest order ${orderNumber} (`);
  // The live status: the simulated warehouse accepts an order within a second under e2e's pace (e2e/serve.ts).
  await expect(orderReply).toContainText(/is (placed|processing)/);
  await expect(orderReply.getByRole('list', { name: 'Your orders' }).getByRole('link', { name: orderNumber })).toHaveAttribute('href', `/orders/${orderId}`);

  const productReply = await ask(page, 'find red running shoes under $80');
  await expect(productReply).toContainText(/red running shoes under \$80\.00 in stock/);
  const found = productReply.getByRole('list', { name: 'Products found' }).getByRole('listitem');
  await expect(found.first()).toBeVisible();
  for (const line of await found.allTextContents()) {
    expect(Number(line.split('$').pop()!.replace(/,/g, ''))).toBeLessThan(80);
  }

  const storeReply = await ask(page, 'stores near Seattle');
  await expect(storeReply).toContainText('The nearest store to Seattle');
  await expect(storeReply.getByRole('list', { name: 'Stores found' }).getByRole('listitem').first()).toContainText(' mi');

  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(page.getByRole('button', { name: 'Ask the assistant' })).toBeFocused();
});
