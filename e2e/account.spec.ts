import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { clickPlaceOrder, inStockVariant, signIn, signUpShopper } from './order-support';

// The signed-in account in the browser: saved addresses at checkout, the /account pages (axe-scanned), a password
// change and deleting the account. signUpShopper signs up through the API with its own password.

const PASSWORD = 'Lifecycle-pass-42';

async function cartWithOneItem(page: Page): Promise<void> {
  const item = await inStockVariant(page.request);
  const added = await page.request.post('/api/cart/items', { data: { productId: item.productId, variantId: item.variantId, quantity: 1 } });
  expect(added.status(), await added.text()).toBe(200);
}

test('a shopper saves an address at checkout and finds it filled in next time', async ({ page }) => {
  await signUpShopper(page.request, 'saves-address');
  await cartWithOneItem(page);
  await page.goto('/checkout');
  const form = page.locator('main form');
  await form.getByLabel('Full name').fill('Ada Lovelace');
  await form.getByLabel('Address line 1').fill('12 Analytical Way');
  await form.getByLabel('City').fill('San Francisco');
  await form.getByLabel('State').selectOption('CA');
  await form.getByLabel('ZIP code').fill('94105');
  await form.getByLabel('Save this address to my account').check();
  await form.getByLabel('Card number').fill('4242 4242 4242 4242');
  await form.getByLabel('Expiry month').selectOption('12');
  await form.getByLabel('Expiry year').selectOption(String(new Date().getFullYear() + 3));
  await form.getByLabel('Security code (CVC)').fill('123');
  await clickPlaceOrder(page, /\/orders\/[^/?]+\?placed=1/);

  await cartWithOneItem(page);
  await page.goto('/checkout');
  const again = page.locator('main form');
  await expect(again.getByLabel('Saved address')).toBeVisible();
  await expect(again.getByLabel('Address line 1')).toHaveValue('12 Analytical Way');
  await expect(again.getByLabel('City')).toHaveValue('San Francisco');
  await expect(again.getByLabel('State')).toHaveValue('CA');
  await expect(again.getByLabel('ZIP code')).toHaveValue('94105');
  // Choosing "a new address" empties the fields again.
  await again.getByLabel('Saved address').selectOption({ label: 'A new address' });
  await expect(again.getByLabel('Address line 1')).toHaveValue('');

  await page.goto('/account/addresses');
  await expect(page.getByRole('list', { name: 'Saved addresses' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Saved addresses' })).toContainText('12 Analytical Way');
});

// A corrected field error keeps what was typed (account-action-form.tsx): the second save sends the whole address.
test('the account pages: profile, addresses with field errors, consent — each scanned by axe', async ({ page }) => {
  await signUpShopper(page.request, 'account-pages');
  await page.goto('/account');
  await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Name', { exact: true }).fill('Lin Renamed');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your name is saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Lin Renamed');

  await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Addresses' }).click();
  await expect(page.getByRole('heading', { name: 'Your addresses' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Full name').fill('Lin Renamed');
  await page.getByLabel('Address line 1').fill('1 Main Street');
  await page.getByLabel('City').fill('Portland');
  await page.getByLabel('State or province (US and Canada)').selectOption('OR');
  await page.getByLabel('Postal code or ZIP').fill('94105');
  await page.getByRole('button', { name: 'Save address' }).click();
  const summary = page.getByRole('alert', { name: 'There is a problem' });
  await expect(summary).toContainText('does not match ZIP code 94105');
  await expect(page.getByLabel('State or province (US and Canada)')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Postal code or ZIP').fill('97201');
  await page.getByRole('button', { name: 'Save address' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Address saved.' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Saved addresses' })).toContainText('1 Main Street');

  await page.getByRole('link', { name: 'Edit 1 Main Street' }).click();
  await expect(page.getByRole('heading', { name: 'Edit address' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Address line 1').fill('2 Main Street');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('list', { name: 'Saved addresses' })).toContainText('2 Main Street');
  await page.getByRole('button', { name: 'Delete 2 Main Street' }).click();
  await expect(page.getByText('You have no saved addresses yet.')).toBeVisible();

  await page.goto('/account/privacy');
  await expect(page.getByRole('heading', { name: 'Privacy' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Yes, send them to me').check();
  await page.getByRole('button', { name: 'Save preference' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You will get our marketing emails.' })).toBeVisible();
  const account = (await (await page.request.get('/api/account')).json()) as { marketingConsent: { granted: boolean } };
  expect(account.marketingConsent.granted).toBe(true);
});

test.describe('before any script has run', () => {
  test.use({ javaScriptEnabled: false });

  test('an address is saved by a plain form post', async ({ page }) => {
    await signUpShopper(page.request, 'no-script');
    await page.goto('/account/addresses');
    await page.getByLabel('Full name').fill('Lin Plain');
    await page.getByLabel('Address line 1').fill('3 Queen Street');
    await page.getByLabel('City').fill('Toronto');
    await page.getByLabel('Country').selectOption('CA');
    await page.getByLabel('State or province (US and Canada)').selectOption('ON');
    await page.getByLabel('Postal code or ZIP').fill('M5H 2N2');
    await page.getByRole('button', { name: 'Save address' }).click();
    await expect(page.getByRole('list', { name: 'Saved addresses' })).toContainText('3 Queen Street');
  });
});

test('a shopper changes their password', async ({ page }) => {
  const { email } = await signUpShopper(page.request, 'password');
  await page.goto('/account/security');
  await expect(page.getByRole('heading', { name: 'Change your password' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Current password').fill('Not-the-password-1');
  await page.getByLabel('New password').fill('Changed-pass-99');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('That is not your current password.');
  await expect(page.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByLabel('New password').fill('Changed-pass-99');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your password is changed.' })).toBeVisible();

  const other = await page.context().browser()!.newContext({ baseURL: page.url() });
  expect((await other.request.post('/api/auth/sign-in', { data: { email, password: PASSWORD } })).status()).toBe(401);
  await signIn(other.request, email, 'Changed-pass-99');
  await other.close();
});

test('a shopper deletes their account', async ({ page }) => {
  const { email } = await signUpShopper(page.request, 'leaves');
  await page.goto('/account/privacy');
  await page.getByLabel('Your password').fill('Wrong-pass-1');
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('That is not your current password.');

  await page.getByLabel('Your password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page).toHaveURL(/\/\?accountDeleted=1$/);
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  expect((await page.request.get('/api/me')).status()).toBe(401);
  expect((await page.request.post('/api/auth/sign-in', { data: { email, password: PASSWORD } })).status()).toBe(401);
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount/);
});
