import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { availableUnits, inStockVariant, placeOrder, signUpShopper, waitForStatus } from './order-support';

// After checkout, in the browser: the order page follows the simulated warehouse live (server-sent events, no
// reload) up to SHIPPED with carrier and tracking, and a shopper cancels an order from the page and gets the stock
// back. The e2e stack runs the warehouse at the fast pace set in e2e/serve.ts.

test('a shopper watches a new order reach Shipped on the order page without reloading it', async ({ page }) => {
  await signUpShopper(page.request, 'live');
  const item = await inStockVariant(page.request);
  const orderId = await placeOrder(page.request, item);

  await page.goto(`/orders/${orderId}`);
  await expect(page.getByRole('heading', { level: 1, name: `Order ${orderId}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Placed');
  await expectNoSeriousA11yViolations(page);
  // A marker that a reload or a navigation would wipe out.
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

  const status = page.getByRole('status').filter({ hasText: 'Status:' });
  await expect(status).toContainText('Shipped', { timeout: 45_000 });
  // The server-rendered parts followed: the timeline and the carrier's tracking number, still on the same document.
  const delivery = page.getByRole('region', { name: 'Delivery' });
  await expect(delivery).toContainText('Tracking number');
  await expect(delivery).not.toContainText('Not shipped yet');
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
  await expectNoSeriousA11yViolations(page);

  const order = ((await (await page.request.get(`/api/orders/${orderId}`)).json()) as { order: { status: string; payment: { status: string } } }).order;
  expect(order).toMatchObject({ status: 'CANCELLED', payment: { status: 'VOIDED' } });
  // Product reads are cached for a few seconds (server/cache/tags.ts): poll until the page's figure is back. The
  // exact restock is asserted against DynamoDB in app/api/admin/orders/admin-orders.int.test.ts.
  await expect.poll(() => availableUnits(page.request, item.slug, item.variantId), { timeout: 20_000 }).toBe(before);
});

test('a shopper asks for a return of a delivered order from its page: the form says what is missing, then the order is Return requested', async ({ page }) => {
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
  await waitForStatus(page.request, orderId, 'RETURN_REQUESTED', 30_000);
  await expect(page.getByText('Return requested').first()).toBeVisible();
});
