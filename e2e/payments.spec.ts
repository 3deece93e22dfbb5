import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { clickPlaceOrder, inStockVariant, paymentsSandboxUrl, signUpShopper } from './order-support';

// Paying through the processor's fields (API.md, "Card payments through a processor's token"): the card goes from
// the browser to the sandbox processor's own origin, the shop receives only the token, and the 3-D Secure card
// takes the shopper to the processor's challenge page and back. No request to the shop carries a card number, and
// no page (the shop's or the challenge's) reports a CSP violation.

// Three page loads, a round trip to another origin and axe scans per test: slow on a loaded machine.
test.slow();

const CARD_DIGITS = /4242\s?4242\s?4242\s?4242|4000\s?0027\s?6000\s?3184/;

async function watch(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${location.origin} ${e.violatedDirective} ${e.blockedURI}`));
  });
  const shop = new URL(test.info().project.use.baseURL!).origin;
  const toShop: string[] = [];
  const toProcessor: string[] = [];
  const violations: string[] = [];
  page.on('request', (req) => {
    const origin = new URL(req.url()).origin;
    if (origin === shop) toShop.push(`${req.method()} ${req.url()} ${req.postData() ?? ''}`);
    if (origin === new URL(paymentsSandboxUrl()).origin) toProcessor.push(`${req.method()} ${new URL(req.url()).pathname}`);
  });
  // Collected before each navigation away and at the end, since a new document starts a new list.
  const collect = async () => {
    violations.push(...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).catch(() => [])));
  };
  return { toShop, toProcessor, violations, collect };
}

async function toCheckout(page: Page, prefix: string) {
  await signUpShopper(page.request, prefix);
  const item = await inStockVariant(page.request);
  expect((await page.request.post('/api/cart/items', { data: { ...item, quantity: 1 } })).status()).toBe(200);
  await page.goto('/checkout');
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
}

async function fill(page: Page, cardNumber: string) {
  const form = page.locator('main form');
  await form.getByLabel('Full name').fill('Ada Lovelace');
  await form.getByLabel('Address line 1').fill('1 Analytical Way');
  await form.getByLabel('City').fill('San Francisco');
  await form.getByLabel('State').selectOption('CA');
  await form.getByLabel('ZIP code').fill('94105');
  await expect(page.getByRole('region', { name: 'Review your order' })).not.toContainText('Enter your state', { timeout: 30_000 });
  const payment = page.getByRole('group', { name: 'Payment' });
  await payment.getByLabel('Card number').fill(cardNumber);
  await payment.getByLabel('Expiry month').selectOption('12');
  await payment.getByLabel('Expiry year').selectOption(String(new Date().getFullYear() + 3));
  await payment.getByLabel('Security code (CVC)').fill('123');
}

async function orderCount(page: Page): Promise<number> {
  return ((await (await page.request.get('/api/orders')).json()) as { items: unknown[] }).items.length;
}

test('pays with 4242 through the processor’s card fields: the shop only ever receives the token', async ({ page }) => {
  const seen = await watch(page);
  await toCheckout(page, 'pay-4242');
  await fill(page, '4242 4242 4242 4242');
  await expectNoSeriousA11yViolations(page);
  await seen.collect();
  await clickPlaceOrder(page, /\/orders\/ord_\w+\?placed=1$/);
  await expect(page.getByText('Visa ending in 4242')).toBeVisible();
  await seen.collect();

  expect(seen.toProcessor).toContain('POST /v1/tokens');
  const checkout = seen.toShop.find((r) => r.startsWith('POST') && r.includes('/api/checkout'));
  expect(checkout).toMatch(/"payment":\{"token":"tok_\w+"\}/);
  expect(seen.toShop.filter((r) => CARD_DIGITS.test(r))).toEqual([]);
  expect(seen.violations).toEqual([]);
  expect(await orderCount(page)).toBe(1);
});

test('the 3-D Secure card opens the processor’s challenge; passing it by keyboard places exactly one order', async ({ page }) => {
  const seen = await watch(page);
  await toCheckout(page, 'pay-3ds-pass');
  await fill(page, '4000 0027 6000 3184');
  await seen.collect();
  await clickPlaceOrder(page, new RegExp(`^${paymentsSandboxUrl()}/v1/challenges/ch_\\w+$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your payment' })).toBeVisible();
  await expect(page.getByText('card ending in 3184')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await seen.collect();
  const pass = page.getByRole('button', { name: 'Pass authentication' });
  await pass.focus();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/orders\/ord_\w+\?placed=1$/, { timeout: 30_000 });
  await expect(page.getByText('Visa ending in 3184')).toBeVisible();
  await seen.collect();
  expect(await orderCount(page)).toBe(1);
  expect(seen.toShop.filter((r) => CARD_DIGITS.test(r))).toEqual([]);
  expect(seen.violations).toEqual([]);
});

test('failing the 3-D Secure challenge places nothing and says why, with the address kept', async ({ page }) => {
  const seen = await watch(page);
  await toCheckout(page, 'pay-3ds-fail');
  await fill(page, '4000 0027 6000 3184');
  await clickPlaceOrder(page, /\/v1\/challenges\/ch_\w+$/);
  await page.getByRole('button', { name: 'Fail authentication' }).click();

  await expect(page).toHaveURL(/\/checkout$/);
  const alert = page.getByRole('alert', { name: 'There is a problem' });
  await expect(alert).toContainText('Your payment was not accepted. No order was placed.');
  await expect(alert).toContainText('3-D Secure');
  await expect(page.locator('main form').getByLabel('Address line 1')).toHaveValue('1 Analytical Way');
  await expectNoSeriousA11yViolations(page);
  await seen.collect();
  expect(await orderCount(page)).toBe(0);
  expect(seen.violations).toEqual([]);
});
