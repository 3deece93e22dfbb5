import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { clickPlaceOrder } from './order-support';

// Shopping in the browser: a guest cart that survives sign-up, checkout with the sandbox cards, and the order
// history. Products come from the demo catalog; the test picks ones that are in stock right now.

type Summary = { slug: string; name: string };
type Variant = { available: number };

async function inStockProducts(request: APIRequestContext, count: number): Promise<Summary[]> {
  const list = (await (await request.get('/api/products?limit=48&sort=featured')).json()) as { items: Summary[] };
  const picked: Summary[] = [];
  for (const p of list.items) {
    const detail = (await (await request.get(`/api/products/${p.slug}`)).json()) as { variants: Variant[] };
    if (detail.variants.some((v) => v.available >= 3)) picked.push(p);
    if (picked.length === count) break;
  }
  expect(picked, 'in-stock demo products').toHaveLength(count);
  return picked;
}

async function addFromProductPage(page: Page, product: Summary) {
  await page.goto(`/p/${product.slug}`);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Added ${product.name} to your cart.` })).toBeVisible();
  const drawer = page.getByRole('dialog', { name: 'Your cart' });
  await expect(drawer).toBeVisible();
  await drawer.getByRole('button', { name: 'Close cart' }).click();
  await expect(drawer).toBeHidden();
}

async function fillCheckout(page: Page, cardNumber: string) {
  const form = page.locator('main form');
  await form.getByLabel('Full name').fill('Ada Lovelace');
  await form.getByLabel('Address line 1').fill('1 Analytical Way');
  await form.getByLabel('City').fill('San Francisco');
  await form.getByLabel('State').selectOption('CA');
  await form.getByLabel('ZIP code').fill('94105');
  await form.getByLabel('Card number').fill(cardNumber);
  await form.getByLabel('Expiry month').selectOption('12');
  await form.getByLabel('Expiry year').selectOption(String(new Date().getFullYear() + 3));
  await form.getByLabel('Security code (CVC)').fill('123');
  // The review shows the server's tax for California once the quote for the state and its ZIP comes back.
  await expect(page.getByRole('region', { name: 'Review your order' })).not.toContainText('Enter your state');
}

async function signUpThroughApi(request: APIRequestContext, email: string) {
  const password = 'Sturdy-pass-42';
  expect((await request.post('/api/auth/sign-up', { data: { email, password, name: 'Decline Tester' } })).status()).toBe(201);
  expect((await request.post('/api/auth/sign-in', { data: { email, password } })).status()).toBe(200);
}

test('a guest fills a cart, signs up, keeps the cart, pays with 4242 and finds the order', async ({ page, request }) => {
  // The longest journey of the suite (two products, sign-up, checkout, history): three times the usual budget.
  test.slow();
  const [first, second] = await inStockProducts(request, 2);

  await addFromProductPage(page, first!);
  await addFromProductPage(page, second!);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Cart, 2 items' })).toBeVisible();

  await page.goto('/cart');
  await expect(page.getByRole('heading', { level: 1, name: 'Your cart' })).toBeVisible();
  const lines = page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem');
  await expect(lines).toHaveCount(2);
  await expectNoSeriousA11yViolations(page);

  // Optimistic quantity change, reconciled with the server's priced cart.
  await page.getByLabel(`Quantity of ${first!.name}`).selectOption('2');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Cart, 3 items' })).toBeVisible();
  await page.getByLabel(`Quantity of ${first!.name}`).selectOption('1');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Cart, 2 items' })).toBeVisible();

  // Sign up; the guest cart becomes the new account's cart.
  await page.goto('/sign-up?next=%2Fcart');
  const signUp = page.locator('main');
  await signUp.getByLabel('Your name').fill('Grace Guest');
  await signUp.getByLabel('Email address').fill(`shopper-${Date.now()}@example.com`);
  await signUp.getByLabel('Password', { exact: true }).fill('Sturdy-pass-42');
  await signUp.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByRole('banner')).toContainText('Grace Guest');
  await expect(lines).toHaveCount(2);
  await expect(page.getByRole('list', { name: 'Items in your cart' })).toContainText(first!.name);
  await expect(page.getByRole('list', { name: 'Items in your cart' })).toContainText(second!.name);

  await page.getByRole('link', { name: 'Check out' }).click();
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await fillCheckout(page, '4242 4242 4242 4242');
  await clickPlaceOrder(page, /\/orders\/ord_[0-9a-z]+[A-Za-z0-9]*\?placed=1$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you, your order is placed' })).toBeVisible();
  await expect(page.getByText('Visa ending in 4242')).toBeVisible();
  const orderId = new URL(page.url()).pathname.split('/').pop()!;
  await expect(page.getByRole('banner').getByRole('link', { name: 'Cart', exact: true })).toBeVisible();

  await page.goto('/orders');
  await expect(page.getByRole('heading', { level: 1, name: 'Your orders' })).toBeVisible();
  await expect(page.locator(`a[href="/orders/${orderId}"]`)).toHaveText(/^TT-[2-9A-HJKMNP-TV-Z]{6}$/);
  // The simulated warehouse accepts an order within a second under e2e's pace (e2e/serve.ts): Placed or Processing.
  await expect(page.getByRole('row').filter({ has: page.locator(`a[href="/orders/${orderId}"]`) })).toContainText(/Placed|Processing/);
  await expectNoSeriousA11yViolations(page);

  const cart = (await (await page.request.get('/api/cart')).json()) as { itemCount: number };
  expect(cart.itemCount).toBe(0);
});

test('a declined card shows an error and places no order', async ({ page, request }) => {
  const [product] = await inStockProducts(request, 1);
  await signUpThroughApi(page.request, `declined-${Date.now()}@example.com`);
  await addFromProductPage(page, product!);

  await page.goto('/checkout');
  await fillCheckout(page, '4000 0000 0000 0002');
  await page.getByRole('button', { name: /^Place order/ }).click();
  const alert = page.getByRole('alert', { name: 'There is a problem' });
  await expect(alert).toContainText('Your payment was not accepted. No order was placed.');
  await expect(alert).toContainText('declined');
  await expect(page.getByLabel('Card number')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/checkout$/);
  await expectNoSeriousA11yViolations(page);

  await page.goto('/orders');
  await expect(page.getByText('You have not placed any orders yet.')).toBeVisible();
  const cart = (await (await page.request.get('/api/cart')).json()) as { itemCount: number };
  expect(cart.itemCount).toBe(1);
});

test('what a shopper types into checkout before its scripts have run is kept once they do', async ({ page, request }) => {
  const [product] = await inStockProducts(request, 1);
  await signUpThroughApi(page.request, `early-${Date.now()}@example.com`);
  await addFromProductPage(page, product!);

  // A slow phone: the checkout's HTML is there, its scripts are not yet, and the shopper starts typing.
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/_next/static/chunks/*.js', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('/checkout', { waitUntil: 'domcontentloaded' });
  const form = page.locator('main form');
  await form.getByLabel('State').selectOption('CA');
  await form.getByLabel('ZIP code').fill('94105');
  await form.getByRole('radio', { name: /^Express/ }).check();
  const review = page.getByRole('region', { name: 'Review your order' });
  // Still the server's page: its review cannot know the state yet.
  await expect(review).toContainText('Enter your state');

  release();
  // Hydrated, the form quotes what was typed (the server's tax for California) and re-renders without wiping it.
  await expect(review).not.toContainText('Enter your state');
  await expect(form.getByLabel('ZIP code')).toHaveValue('94105');
  await expect(form.getByLabel('State')).toHaveValue('CA');
  await expect(form.getByRole('radio', { name: /^Express/ })).toBeChecked();
});

test('a total the shop could not be reached for is said as such, retried once by itself, and fetched by "Try again"', async ({ page, request }) => {
  const [product] = await inStockProducts(request, 1);
  await signUpThroughApi(page.request, `quote-drop-${Date.now()}@example.com`);
  await addFromProductPage(page, product!);
  await page.goto('/checkout');
  const form = page.locator('main form').filter({ has: page.getByLabel('Full name') });
  const review = page.getByRole('region', { name: 'Review your order' });
  await expect(page.getByRole('button', { name: /^Place order/ })).toBeEnabled();

  // The connection drops under every quote for this address until the test lets them through.
  let drop = true;
  const forTheZip: string[] = [];
  await page.route('**/api/checkout/quote?*', async (route) => {
    if (new URL(route.request().url()).searchParams.get('postalCode') === '94105') forTheZip.push(drop ? 'dropped' : 'answered');
    if (drop) await route.abort('connectionreset');
    else await route.continue();
  });
  await form.getByLabel('State').selectOption('CA');
  await form.getByLabel('ZIP code').fill('94105');
  await expect(review).toContainText('We could not update your total just now.');
  // Not the "enter your state" of an empty address: the shopper did enter it.
  await expect(review).not.toContainText('Enter your state');
  await expect(review.locator('dt:text-is("Tax") + dd')).toHaveText('—');
  // The quote for the address, then the one retry the page made by itself.
  expect(forTheZip).toEqual(['dropped', 'dropped']);

  // With no total on the screen, "Place order" sends nothing: it says why and asks for the total again.
  await form.getByLabel('Full name').fill('Ada Lovelace');
  await form.getByLabel('Address line 1').fill('1 Analytical Way');
  await form.getByLabel('City').fill('San Francisco');
  await page.getByRole('button', { name: /^Place order/ }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('Nothing was charged');
  await expect.poll(() => forTheZip.length).toBe(3);
  await expect(page).toHaveURL(/\/checkout$/);

  drop = false;
  await review.getByRole('button', { name: 'Try again' }).click();
  await expect(review).not.toContainText('We could not update your total');
  // The server's tax for California, where the failed quote showed a dash.
  await expect(review.locator('dt:text-is("Tax") + dd')).toHaveText(/^\$\d+\.\d{2}$/);
  expect(forTheZip).toEqual(['dropped', 'dropped', 'dropped', 'answered']);
  const orders = (await (await page.request.get('/api/orders')).json()) as { items: unknown[] };
  expect(orders.items).toEqual([]);
  await expect(page.getByRole('button', { name: /^Place order · \$/ })).toBeEnabled();
  await expectNoSeriousA11yViolations(page);
});

test('the order charged is the order reviewed: a cart changed in another tab is shown again before anything is charged', async ({ page, request }) => {
  const [product] = await inStockProducts(request, 1);
  await signUpThroughApi(page.request, `reviewed-${Date.now()}@example.com`);
  await addFromProductPage(page, product!);

  await page.goto('/checkout');
  await fillCheckout(page, '4242 4242 4242 4242');
  const review = page.getByRole('region', { name: 'Review your order' });
  await expect(review).toContainText('× 1');

  // A state its ZIP code contradicts is named beside the field before any order is attempted. (The checkout form,
  // not the discount-code form beside it.)
  const form = page.locator('main form').filter({ has: page.getByLabel('Full name') });
  await form.getByLabel('State').selectOption('OR');
  await expect(form).toContainText('Oregon does not match ZIP code 94105, which is in California');
  await form.getByLabel('State').selectOption('CA');
  await expect(review).not.toContainText('Enter your state');
  const reviewedButton = await page.getByRole('button', { name: /^Place order · / }).textContent();

  // "Another tab" raises the line's quantity (to 3, or what stock allows).
  const cart = (await (await page.request.get('/api/cart')).json()) as { items: { lineId: string; variantId: string }[] };
  const line = cart.items[0]!;
  const detail = (await (await page.request.get(`/api/products/${product!.slug}`)).json()) as { variants: { id: string; available: number }[] };
  const quantity = Math.min(3, detail.variants.find((v) => v.id === line.variantId)!.available);
  expect(quantity, 'units to add in the other tab').toBeGreaterThan(1);
  const origin = new URL(page.url()).origin;
  expect((await page.request.patch(`/api/cart/items/${line.lineId}`, { data: { quantity }, headers: { origin } })).status()).toBe(200);

  await page.getByRole('button', { name: /^Place order/ }).click();
  const alert = page.getByRole('alert', { name: 'There is a problem' });
  await expect(alert).toContainText('Your cart changed since you reviewed it');
  await expect(alert).toContainText('Nothing was charged');
  await expect(review).toContainText(`× ${quantity}`);
  await expect(page).toHaveURL(/\/checkout$/);
  const newButton = page.getByRole('button', { name: /^Place order · / });
  await expect(newButton).not.toHaveText(reviewedButton ?? '');
  await expectNoSeriousA11yViolations(page);
  const orders = (await (await page.request.get('/api/orders')).json()) as { items: unknown[] };
  expect(orders.items).toHaveLength(0);

  // Confirming the new total places the order.
  await newButton.click();
  await expect(page).toHaveURL(/\/orders\/ord_[0-9a-z]+[A-Za-z0-9]*\?placed=1$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you, your order is placed' })).toBeVisible();
});
