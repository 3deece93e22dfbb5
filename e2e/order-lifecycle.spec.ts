import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { availableUnits, inStockVariant, ORDER_HEADING, placeOrder, signUpShopper, tokenise, waitForStatus } from './order-support';

// After checkout, in the browser: the order page follows the simulated warehouse live (server-sent events, no
// reload) up to SHIPPED with carrier and tracking, and a shopper cancels an order from the page and gets the stock
// back; partial returns and a guest's return through the signed email link. The e2e stack runs the warehouse at
// the fast pace set in e2e/serve.ts.

/** The SES stand-in of this run's stack (e2e/serve.ts writes the stack's env beside the port). */
function sesEndpoint(): string {
  const port = process.env.E2E_PORT ?? '3107';
  const env = JSON.parse(readFileSync(join(tmpdir(), `storefront-e2e-${port}.json`), 'utf8')) as Record<string, string>;
  return env.SES_ENDPOINT ?? 'http://127.0.0.1:8005';
}

test('a shopper watches a new order reach Shipped on the order page without reloading it', async ({ page }) => {
  await signUpShopper(page.request, 'live');
  const item = await inStockVariant(page.request);
  const orderId = await placeOrder(page.request, item);

  await page.goto(`/orders/${orderId}`);
  await expect(page.getByRole('heading', { level: 1, name: ORDER_HEADING })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Placed');
  // The progress stepper: placed and on to being prepared.
  await expect(page.getByRole('list', { name: 'Order progress' }).getByRole('listitem')).toHaveText([/Placed/, /Preparing/, /Shipped/, /Delivered/]);
  await expectNoSeriousA11yViolations(page);
  // A marker that a reload or a navigation would wipe out.
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

  const status = page.getByRole('status').filter({ hasText: 'Status:' });
  await expect(status).toContainText('Shipped', { timeout: 45_000 });
  // The server-rendered parts followed: the timeline and the carrier's tracking number, still on the same document.
  const delivery = page.getByRole('region', { name: 'Delivery' });
  await expect(delivery).toContainText('Tracking number');
  await expect(delivery).not.toContainText('Not shipped yet');
  // The tracking number leads to the (simulated) carrier's page.
  await expect(delivery.getByRole('link', { name: /^1Z[0-9A-F]{16}$/ })).toHaveAttribute('href', /^\/carrier\/track\/1Z/);
  await expect(page.getByRole('list', { name: 'Order progress' }).locator('[aria-current="step"]')).toContainText('Shipped');
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Shipped');
  expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  // Once shipped it can no longer be cancelled.
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test('a shopper cancels an order from its page after confirming, and the stock comes back', async ({ page }) => {
  await signUpShopper(page.request, 'cancel');
  const item = await inStockVariant(page.request, 6);
  const before = await availableUnits(page.request, item.slug, item.variantId);
  const orderId = await placeOrder(page.request, item, 3);

  // Straight to the cancel: the e2e warehouse ships after FULFILMENT_SHIPPED_MS, and this must happen before.
  await page.goto(`/orders/${orderId}`);
  await page.getByRole('button', { name: 'Cancel order' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel this order?' });
  await dialog.getByRole('button', { name: 'Yes, cancel the order' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Status:' })).toContainText('Cancelled');
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Cancelled by you');
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);
  // A cancelled order does not promise a shipment, and has no road of steps ahead.
  await expect(page.getByRole('region', { name: 'Delivery' })).not.toContainText('Not shipped yet');
  await expect(page.getByRole('list', { name: 'Order progress' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  const order = ((await (await page.request.get(`/api/orders/${orderId}`)).json()) as { order: { status: string; payment: { status: string } } }).order;
  expect(order).toMatchObject({ status: 'CANCELLED', payment: { status: 'VOIDED' } });
  // Product reads are cached for a few seconds (server/platform/cache/tags.ts): poll until the page's figure is back. The
  // exact restock is asserted against DynamoDB in app/api/admin/orders/admin-orders.int.test.ts.
  await expect.poll(() => availableUnits(page.request, item.slug, item.variantId), { timeout: 20_000 }).toBe(before);
});

test('a shopper returns 1 of 2 units: the form says what is missing, the return gets a number and a label, and the order ends Partly returned with the refund shown', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signUpShopper(page.request, 'returner');
  const item = await inStockVariant(page.request);
  const orderId = await placeOrder(page.request, item, 2);
  await waitForStatus(page.request, orderId, 'DELIVERED', 90_000);

  await page.goto(`/orders/${orderId}`);
  const form = page.getByRole('region', { name: 'Return items' });
  await form.getByRole('button', { name: 'Request return' }).click();
  await expect(form.getByRole('alert')).toHaveText('Choose at least one item to return.');
  await form.getByLabel(/^Quantity to return of /).selectOption('1');
  await form.getByRole('button', { name: 'Request return' }).click();
  await expect(form.getByRole('alert')).toHaveText('Tell us why you are returning it.');
  // The quantity chosen before the failed try is still there: the form reads its fields when it is sent.
  await expect(form.getByLabel(/^Quantity to return of /)).toHaveValue('1');
  await form.getByLabel('Reason for the return').fill('Too small.');
  await form.getByRole('button', { name: 'Request return' }).click();

  // The return's number, what to do, and a printable label.
  const ret = page.getByRole('region', { name: /^Return TT-[2-9A-HJKMNP-TV-Z]{6}-R1$/ });
  await expect(ret).toContainText('Print your return label');
  await expectNoSeriousA11yViolations(page);
  await ret.getByRole('link', { name: 'Print your return label' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Return label' })).toBeVisible();
  await expect(page.getByText(/^TT-[2-9A-HJKMNP-TV-Z]{6}-R1$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print label' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The warehouse receives the one unit: Partly returned, the line says 1 of 2, the refund is on the page in dollars.
  await waitForStatus(page.request, orderId, 'PARTIALLY_RETURNED', 60_000);
  await page.goto(`/orders/${orderId}`);
  await expect(page.getByRole('status').filter({ hasText: 'Status:' })).toContainText('Partly returned');
  await expect(page.getByRole('table', { name: 'Items in this order' })).toContainText('1 of 2');
  const totals = page.getByRole('region', { name: 'Totals' });
  await expect(totals).toContainText(/Returned items refunded .*−\$\d+\.\d{2}/);
  await expect(page.locator('main')).not.toContainText('minor units');
  // The other unit can still be sent back.
  await expect(
    page
      .getByRole('region', { name: 'Return items' })
      .getByLabel(/^Quantity to return of /)
      .locator('option'),
  ).toHaveText(['0', '1']);
  await expectNoSeriousA11yViolations(page);
});

test('a guest returns a delivered order through the signed link in their email, with no account and no cookie', async ({ browser }) => {
  test.setTimeout(180_000);
  const email = `guest-return-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  const buyer = await browser.newContext();
  const api = buyer.request;
  const item = await inStockVariant(api);
  expect((await api.post('/api/cart/items', { data: { ...item, quantity: 1 } })).status()).toBe(200);
  const placed = await api.post('/api/checkout', {
    headers: { 'idempotency-key': crypto.randomUUID() },
    data: {
      email,
      shippingAddress: { name: 'Gus Guest', line1: '1 Analytical Way', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' },
      shippingMethod: 'standard',
      payment: { token: await tokenise(api) },
    },
  });
  expect(placed.status(), await placed.text()).toBe(201);
  const { id: orderId, number } = ((await placed.json()) as { order: { id: string; number: string } }).order;

  // The signed link, from the confirmation in the local inbox (the subject names the number).
  let link = '';
  await expect
    .poll(
      async () => {
        const { emails } = (await (await api.get(`${sesEndpoint()}/store`)).json()) as {
          emails: { subject: string; destination: { to: string[] }; body: { text?: string } }[];
        };
        const mail = emails.find((m) => m.subject === `Order ${number} confirmed` && m.destination.to.includes(email));
        link = mail?.body.text?.match(/View your order:? (\S+)/)?.[1] ?? '';
        return link;
      },
      { timeout: 30_000, intervals: [500, 1000] },
    )
    .toContain(`/orders/${orderId}?access=`);
  await buyer.close();

  // A fresh browser with nothing but the link: the order is delivered, and it offers a return.
  const reader = await browser.newContext();
  const page = await reader.newPage();
  const access = new URL(link).search;
  await waitForStatus(page.request, orderId, 'DELIVERED', 90_000, access);
  await page.goto(new URL(link).pathname + access);
  await expect(page.getByRole('heading', { level: 1, name: `Order ${number}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);
  const form = page.getByRole('region', { name: 'Return items' });
  await form.getByLabel(/^Quantity to return of /).selectOption('1');
  await form.getByLabel('Reason for the return').fill('Changed my mind.');
  await form.getByRole('button', { name: 'Request return' }).click();
  await expect(page.getByRole('region', { name: `Return ${number}-R1` })).toContainText('Print your return label');
  await expectNoSeriousA11yViolations(page);
  // The label opens through the same link.
  await page.getByRole('link', { name: 'Print your return label' }).click();
  await expect(page.getByText(`${number}-R1`, { exact: true })).toBeVisible();
  await reader.close();
});
