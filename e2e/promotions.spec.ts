import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { clickPlaceOrder, inStockVariant, signIn, signUpShopper } from './order-support';

// Promotions end to end: a marketer creates a code on /admin/promotions; a shopper enters it in the cart (after a
// code that does not exist, refused with the reason), checks out, and the order shows the discount. The cart's
// code form also works with JavaScript off (a server action). Axe scans every new screen.

const MARKETER = { email: 'marketer@example.com', password: 'Marketer-pass-1' };

const newCode = () => `E2E${Date.now().toString(36).toUpperCase()}`;

async function addToCart(api: APIRequestContext, item: { productId: string; variantId: string }, origin: string) {
  const res = await api.post('/api/cart/items', { data: { ...item, quantity: 1 }, headers: { origin } });
  expect(res.status(), await res.text()).toBe(200);
}

async function fillCheckout(page: Page) {
  const form = page.locator('main form').filter({ has: page.getByLabel('Full name') });
  await form.getByLabel('Full name').fill('Ada Lovelace');
  await form.getByLabel('Address line 1').fill('1 Analytical Way');
  await form.getByLabel('City').fill('San Francisco');
  await form.getByLabel('State').selectOption('CA');
  await form.getByLabel('ZIP code').fill('94105');
  await form.getByLabel('Card number').fill('4242 4242 4242 4242');
  await form.getByLabel('Expiry month').selectOption('12');
  await form.getByLabel('Expiry year').selectOption(String(new Date().getFullYear() + 3));
  await form.getByLabel('Security code (CVC)').fill('123');
  await expect(page.getByRole('region', { name: 'Review your order' })).not.toContainText('Enter your state');
}

test('a marketer creates a code; a shopper applies it in the cart, checks out, and the order shows the discount', async ({ browser, baseURL }) => {
  const code = newCode();

  // The marketer.
  const marketer = await browser.newContext();
  const admin = await marketer.newPage();
  await signIn(marketer.request, MARKETER.email, MARKETER.password);
  await admin.goto('/admin/promotions');
  await expect(admin.getByRole('heading', { level: 1, name: 'Promotions' })).toBeVisible();
  await expect(admin.getByRole('row', { name: /WELCOME10/ })).toBeVisible();
  await expectNoSeriousA11yViolations(admin);
  await admin.getByRole('button', { name: 'New promotion' }).click();
  const create = admin.getByRole('region', { name: 'New promotion' });
  await create.getByLabel('Code', { exact: true }).fill(code);
  await create.getByLabel('Description (shoppers see it)').fill('15% off, end to end');
  await create.getByLabel('Kind').selectOption('percent');
  await create.getByLabel('Percent off (1–100)').fill('15');
  await create.getByLabel('Total uses (empty: no limit)').fill('5');
  await expectNoSeriousA11yViolations(admin);
  await create.getByRole('button', { name: 'Create promotion' }).click();
  await expect(admin.getByRole('status')).toHaveText(`${code} created.`);
  const row = admin.getByRole('row', { name: new RegExp(code) });
  await expect(row).toContainText('0 of 5 used');

  // The shopper.
  const shopperContext = await browser.newContext();
  const page = await shopperContext.newPage();
  await signUpShopper(shopperContext.request, 'promo');
  const item = await inStockVariant(shopperContext.request, 2);
  await addToCart(shopperContext.request, item, baseURL!);
  await page.goto('/cart');
  const codeField = page.getByLabel('Discount code');
  await codeField.fill('NO-SUCH-CODE');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'We do not recognise the code NO-SUCH-CODE' })).toBeVisible();
  await codeField.fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Apply' }).click();
  const discounts = page.getByRole('list', { name: 'Discounts' });
  await expect(discounts).toContainText(`15% off, end to end (${code})`);
  await expect(page.getByRole('status').filter({ hasText: `Code ${code} applied.` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('link', { name: 'Check out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
  await fillCheckout(page);
  const review = page.getByRole('region', { name: 'Review your order' });
  await expect(review).toContainText(`15% off, end to end (${code})`);
  await expectNoSeriousA11yViolations(page);
  await clickPlaceOrder(page, /\/orders\/ord_[0-9A-Za-z]+\?placed=1$/);
  await expect(page.getByRole('region', { name: 'Totals' })).toContainText(`15% off, end to end (${code})`);
  const orderId = new URL(page.url()).pathname.split('/').pop()!;
  const { order } = (await (await shopperContext.request.get(`/api/orders/${orderId}`)).json()) as {
    order: { subtotal: { amount: number }; discount: { amount: number }; discountCodes: string[] };
  };
  expect(order.discountCodes).toContain(code);
  expect(order.discount.amount).toBeGreaterThan(0);

  // The marketer's list counts the use.
  await admin.reload();
  await expect(admin.getByRole('row', { name: new RegExp(code) })).toContainText('1 of 5 used');
  await marketer.close();
  await shopperContext.close();
});

test('the cart takes a code with JavaScript off', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signUpShopper(context.request, 'promo-nojs');
  const item = await inStockVariant(context.request, 5);
  await addToCart(context.request, item, baseURL!);
  // WELCOME10 is the demo shop's seeded code (from $20.00 of merchandise): a cheap item gets enough units for it.
  type Cart = { subtotal: { amount: number }; items: { lineId: string; unitPrice: { amount: number } }[] };
  const added = (await (await context.request.get('/api/cart')).json()) as Cart;
  if (added.subtotal.amount < 2000) {
    const line = added.items[0]!;
    const quantity = Math.ceil(2000 / line.unitPrice.amount);
    const res = await context.request.patch(`/api/cart/items/${line.lineId}`, { data: { quantity }, headers: { origin: baseURL! } });
    expect(res.status(), `${quantity} units to reach WELCOME10's minimum: ${await res.text()}`).toBe(200);
  }
  const topped = (await (await context.request.get('/api/cart')).json()) as Cart;
  expect(topped.subtotal.amount, "WELCOME10's minimum").toBeGreaterThanOrEqual(2000);
  await page.goto('/cart');
  await page.getByLabel('Discount code').fill('welcome10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('list', { name: 'Discounts' })).toContainText('(WELCOME10)');
  const cart = (await (await context.request.get('/api/cart')).json()) as { discountCode: string | null };
  expect(cart.discountCode).toBe('WELCOME10');
  await context.close();
});
