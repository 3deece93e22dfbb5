import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { clickPlaceOrder, inStockVariant, ORDER_HEADING } from './order-support';

// Guest checkout in the browser: buy from /checkout without an account, read the order from the signed link in the
// confirmation email (the local SES stand-in's inbox), and find it again with the lookup form — without JavaScript.

type Inbox = { emails: { subject: string; destination: { to: string[] }; body: { text?: string; html?: string } }[] };

function sesEndpoint(baseURL: string): string {
  const env = JSON.parse(readFileSync(join(tmpdir(), `storefront-e2e-${new URL(baseURL).port}.json`), 'utf8')) as Record<string, string>;
  return env.SES_ENDPOINT ?? 'http://127.0.0.1:8005';
}

async function fillGuestCheckout(page: Page, email: string) {
  const form = page.locator('main form');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Full name').fill('Gus Guest');
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

test('a guest buys without an account, reads the order from the email link, and finds it with the lookup form', async ({ browser, baseURL }) => {
  // Three browsers, a checkout and the mail consumer in one journey.
  test.setTimeout(180_000);
  const email = `guest-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  const guest = await browser.newContext();
  const page = await guest.newPage();
  const item = await inStockVariant(page.request);
  expect((await page.request.post('/api/cart/items', { data: { productId: item.productId, variantId: item.variantId, quantity: 1 } })).status()).toBe(200);

  // Checkout without signing in: email first, signing in offered as a link.
  await page.goto('/checkout');
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await fillGuestCheckout(page, email);
  await clickPlaceOrder(page, /\/orders\/ord_[0-9a-z]+[A-Za-z0-9]*\?placed=1$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you, your order is placed' })).toBeVisible();
  await expect(page.getByText('Visa ending in 4242')).toBeVisible();
  const orderId = new URL(page.url()).pathname.split('/').pop()!;
  // This browser's cookie lets the guest cancel; the lookup page is linked from the confirmation.
  await expect(page.getByRole('button', { name: 'Cancel order' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Find another order' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The order's number: the lookup form asks for it and the email names it.
  const orderNumber = ((await (await page.request.get(`/api/orders/${orderId}`)).json()) as { order: { number: string } }).order.number;
  expect(orderNumber).toMatch(/^TT-[2-9A-HJKMNP-TV-Z]{6}$/);
  await expect(page.getByRole('status').filter({ hasText: 'Thank you' })).toContainText(orderNumber);
  // The lookup form works before (here: without) JavaScript, and sets the cookie that allows cancelling (first, while
  // the order can still be cancelled: the e2e warehouse ships it some seconds after it is placed).
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const lookup = await noScript.newPage();
  await lookup.goto('/sign-in');
  await lookup.getByRole('link', { name: 'Find your order' }).click();
  await expect(lookup).toHaveURL(/\/orders\/lookup$/);
  await expect(lookup.getByRole('heading', { level: 1, name: 'Find your order' })).toBeVisible();
  await lookup.getByLabel('Email').fill(`someone-else-${email}`);
  await lookup.getByLabel('Order number').fill(orderNumber);
  await lookup.getByRole('button', { name: 'Find my order' }).click();
  await expect(lookup.getByRole('alert', { name: 'There is a problem' })).toContainText('We could not find an order with that email address and order number.');
  await lookup.getByLabel('Email').fill(email);
  await lookup.getByRole('button', { name: 'Find my order' }).click();
  await expect(lookup).toHaveURL(new RegExp(`/orders/${orderId}$`));
  await expect(lookup.getByRole('heading', { level: 1, name: ORDER_HEADING })).toBeVisible();
  await expect(lookup.getByRole('button', { name: 'Cancel order' })).toBeVisible();

  // The confirmation email names the order by its number and carries the signed link.
  const inbox = `${sesEndpoint(baseURL!)}/store`;
  let link = '';
  await expect
    .poll(
      async () => {
        const { emails } = (await (await page.request.get(inbox)).json()) as Inbox;
        const mail = emails.find((m) => m.subject === `Order ${orderNumber} confirmed` && m.destination.to.includes(email));
        link = mail?.body.text?.match(/View your order:? (\S+)/)?.[1] ?? '';
        return link;
      },
      { timeout: 30_000, intervals: [500, 1000] },
    )
    .toContain(`/orders/${orderId}?access=`);

  // Another browser with nothing but the link reads the order; the link does not offer cancelling.
  const reader = await browser.newContext();
  const linkPage = await reader.newPage();
  const opened = await linkPage.goto(link);
  expect(opened?.status()).toBe(200);
  await expect(linkPage.getByRole('heading', { level: 1, name: ORDER_HEADING })).toBeVisible();
  await expect(linkPage.getByText('Visa ending in 4242')).toBeVisible();
  await expect(linkPage.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);
  // A tampered link is the same 404 as an order that does not exist.
  const tampered = await linkPage.goto(`${link.slice(0, -4)}AAAA`);
  expect(tampered?.status()).toBe(404);

  await Promise.all([guest.close(), reader.close(), noScript.close()]);
});

test('the lookup page passes axe', async ({ page }) => {
  await page.goto('/orders/lookup');
  await expect(page.getByRole('heading', { level: 1, name: 'Find your order' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Its errors too: an empty submission names both fields.
  await page.getByRole('button', { name: 'Find my order' }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('Email');
  await expectNoSeriousA11yViolations(page);
});
