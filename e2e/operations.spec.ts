import { expect, request as playwrightRequest, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { inStockVariant, ORDER_HEADING, placeOrder, signIn, signUpShopper, waitForStatus } from './order-support';

// The operations console in the browser: ops@example.com finds a delivered order by the shopper's email, reads its
// timeline and ledger, refunds part of it (and cannot refund more than was captured), and sees the dead-letter
// queue. A shopper gets neither the pages nor the API.

const OPS = { email: 'ops@example.com', password: 'Operations-pass-1' };

test('an operations user finds a delivered order and refunds part of it', async ({ page }) => {
  const shopper = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
  const { email } = await signUpShopper(shopper, 'refund');
  const orderId = await placeOrder(shopper, await inStockVariant(shopper), 2);
  await waitForStatus(shopper, orderId, 'DELIVERED');
  const { order } = (await (await shopper.get(`/api/orders/${orderId}`)).json()) as { order: { payment: { captured: { amount: number } } } };
  const captured = order.payment.captured.amount;
  expect(captured).toBeGreaterThan(200);

  await signIn(page.request, OPS.email, OPS.password);
  await page.goto('/admin/orders');
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  // The default form ("Any status" sends status=) finds the order by email (issue 29: it used to drop the search).
  await page.getByLabel('Order id or email').fill(email);
  await page.getByRole('search', { name: 'Orders' }).getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/[?&]status=(&|$)/);
  // Rows name orders by their human number; the link still goes to the id.
  await expect(page.getByRole('row').filter({ has: page.locator(`a[href="/admin/orders/${orderId}"]`) })).toContainText(email);
  // No error is announced (Next's empty route announcer is an alert region too).
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);
  await expect(page.getByLabel('Order id or email')).toHaveValue(email);
  await page.getByLabel('Status').selectOption('DELIVERED');
  await page.getByRole('search', { name: 'Orders' }).getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/status=DELIVERED/);
  // Rows name orders by their human number; the link still goes to the id.
  const row = page.getByRole('row').filter({ has: page.locator(`a[href="/admin/orders/${orderId}"]`) });
  await expect(row).toContainText(email);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await expectNoSeriousA11yViolations(page);

  await row.getByRole('link', { name: /^TT-[2-9A-HJKMNP-TV-Z]{6}$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: ORDER_HEADING })).toBeVisible();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  for (const step of ['Placed', 'Processing', 'Shipped', 'Delivered']) await expect(timeline).toContainText(step);
  const ledger = page.getByRole('region', { name: 'Payment ledger' });
  await expect(ledger).toContainText(`Captured$${(captured / 100).toFixed(2)}`);
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // More than was captured is refused in the form; a missing reason too.
  const refund = page.getByRole('region', { name: 'Refund' });
  await refund.getByLabel(/Amount in dollars/).fill(((captured + 1) / 100).toFixed(2));
  await refund.getByLabel('Reason').fill('Too much');
  await refund.getByRole('button', { name: 'Refund' }).click();
  await expect(refund.getByRole('alert')).toContainText(`At most $${(captured / 100).toFixed(2)}`);
  await refund.getByLabel(/Amount in dollars/).fill('2.00');
  await refund.getByLabel('Reason').fill('');
  await refund.getByRole('button', { name: 'Refund' }).click();
  await expect(refund.getByRole('alert')).toContainText('Say why');

  await refund.getByLabel('Reason').fill('One item arrived scratched');
  await refund.getByRole('button', { name: 'Refund' }).click();
  // Nothing moves until the confirmation, which restates amount and reason; Cancel keeps what was typed.
  const confirm = page.getByRole('dialog', { name: 'Refund $2.00?' });
  await expect(confirm).toContainText('“One item arrived scratched”');
  await expectNoSeriousA11yViolations(page);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(ledger).toContainText('Refunded$0.00');
  await expect(refund.getByLabel('Reason')).toHaveValue('One item arrived scratched');
  await refund.getByRole('button', { name: 'Refund' }).click();
  await confirm.getByRole('button', { name: 'Refund $2.00' }).click();
  await expect(refund.getByRole('status')).toContainText('Refunded $2.00.');
  // The form is emptied for the next refund, so a second click cannot repeat this one by accident.
  await expect(refund.getByLabel(/Amount in dollars/)).toHaveValue('');
  await expect(refund.getByLabel('Reason')).toHaveValue('');
  await expect(ledger).toContainText('Refunded$2.00');
  await expect(ledger).toContainText(`Refundable$${((captured - 200) / 100).toFixed(2)}`);
  await expect(ledger).toContainText('partially refunded');
  await expect(page.getByRole('status').filter({ hasText: 'Status:' })).toContainText('Delivered');

  // The shopper sees the money move on their own order.
  const after = (await (await shopper.get(`/api/orders/${orderId}`)).json()) as { order: { payment: { refunded: { amount: number }; status: string } } };
  expect(after.order.payment).toMatchObject({ refunded: { amount: 200 }, status: 'PARTIALLY_REFUNDED' });
  // The API refuses what is left plus one cent, and moves nothing.
  const over = await page.request.post(`/api/admin/orders/${orderId}/refund`, {
    data: { amount: { amount: captured - 200 + 1, currency: 'USD' }, reason: 'over' },
  });
  expect(over.status(), await over.text()).toBe(409);
  await shopper.dispose();
});

test('the dead-letter queue page lists what failed and offers a redrive', async ({ page }) => {
  await signIn(page.request, OPS.email, OPS.password);
  await page.goto('/admin/orders');
  await page.getByRole('link', { name: 'Dead-letter queue' }).click();
  // The warehouse's dead letters and the stream failures side by side (issue 29).
  await expect(page.getByRole('heading', { level: 1, name: 'Dead letters' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Warehouse queue \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Stream failures \(\d+\)$/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const listed = (await (await page.request.get('/api/admin/dead-letters')).json()) as { items: unknown[] };
  expect(Array.isArray(listed.items)).toBe(true);
});

test('a shopper gets neither the console nor its API, whatever headers they send', async ({ page }) => {
  await signUpShopper(page.request, 'not-ops');
  await page.goto('/admin/orders');
  await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to the operations console' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const forged = { 'x-user-groups': 'operations', 'x-user-id': 'ops', 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' };
  expect((await page.request.get('/api/admin/orders', { headers: forged })).status()).toBe(403);
  expect((await page.request.get('/api/admin/dead-letters', { headers: forged })).status()).toBe(403);
  expect((await page.request.post('/api/admin/dead-letters/redrive', { headers: forged })).status()).toBe(403);
});
