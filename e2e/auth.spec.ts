import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';

// Accounts in the browser: the redirect to sign-in, the forms and their errors, the header, and sign-out.

test('a shopper is sent to sign in for their orders, signs in through the form, and signs out', async ({ page, context }) => {
  await page.goto('/orders');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Forders$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Empty form: a summary that is announced, and errors tied to their fields.
  const form = page.locator('main');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('Enter your email address.');
  await expect(form.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Email address')).toHaveAccessibleDescription(/Enter your email address\./);
  await expectNoSeriousA11yViolations(page);

  // A wrong password gets one message for the form.
  await form.getByLabel('Email address').fill('shopper@example.com');
  await form.getByLabel('Password').fill('Not-the-password-1');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('Email or password is incorrect.');

  await form.getByLabel('Password').fill('Shopper-pass-1');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/orders$/);
  const header = page.getByRole('banner');
  await expect(header).toContainText('Sam Shopper');

  // The tokens are httpOnly: no script on the page can read them.
  expect(await page.evaluate(() => document.cookie)).not.toMatch(/sf_(at|rt|profile)=/);
  // sf_anon (the flags' bucketing id) and sf_device (the signed device cookie that spares this browser other
  // clients' lock-outs, ADR 0017) are not part of the session but must be httpOnly too.
  const session = (await context.cookies()).filter((c) => c.name.startsWith('sf_'));
  expect(
    session
      .map((c) => c.name)
      .filter((n) => n !== 'sf_anon' && n !== 'sf_device')
      .sort(),
  ).toEqual(['sf_at', 'sf_profile', 'sf_rt']);
  expect(session.map((c) => c.name)).toContain('sf_device');
  for (const cookie of session) {
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
  }

  await header.getByRole('button', { name: 'Sign out' }).click();
  await expect(header.getByRole('link', { name: 'Sign in' })).toBeVisible();
  // Every session cookie is gone; only the anonymous bucketing id and the device cookie (neither signs anyone in)
  // outlive sign-out.
  expect((await context.cookies()).filter((c) => c.name.startsWith('sf_') && c.name !== 'sf_anon' && c.name !== 'sf_device')).toEqual([]);
  await page.goto('/orders');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Forders$/);
});

test('signing in never redirects off the site, whatever ?next= says', async ({ page }) => {
  await page.goto('/sign-in?next=%2F%2Fevil.example%2Fphish');
  const form = page.locator('main');
  await form.getByLabel('Email address').fill('shopper@example.com');
  await form.getByLabel('Password').fill('Shopper-pass-1');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText('Sam Shopper');
  expect(new URL(page.url()).pathname).toBe('/');
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
});

test('a new shopper creates an account after fixing the fields the form points out', async ({ page }) => {
  await page.goto('/sign-up');
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const form = page.locator('main');
  await form.getByLabel('Email address').fill('not-an-email');
  await form.getByLabel('Password', { exact: true }).fill('short');
  await form.getByRole('button', { name: 'Create account' }).click();
  const summary = page.getByRole('alert', { name: 'There is a problem' });
  await expect(summary.getByRole('link')).toHaveCount(3);
  await expect(form.getByLabel('Your name')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Email address')).toHaveAccessibleDescription(/valid email address/);
  await expect(form.getByLabel('Password', { exact: true })).toHaveAccessibleDescription(/upper-case letter/);
  await expectNoSeriousA11yViolations(page);

  // The summary's links move focus to the field to fix.
  await summary.getByRole('link', { name: /valid email address/ }).click();
  await expect(form.getByLabel('Email address')).toBeFocused();

  const email = `e2e-${Date.now()}@example.com`;
  await form.getByLabel('Your name').fill('Ellis Example');
  await form.getByLabel('Email address').fill(email);
  await form.getByLabel('Password', { exact: true }).fill('Sturdy-pass-42');
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('banner')).toContainText('Ellis Example');

  // The same email a second time is refused with a clear message.
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.goto('/sign-up');
  await form.getByLabel('Your name').fill('Ellis Again');
  await form.getByLabel('Email address').fill(email);
  await form.getByLabel('Password', { exact: true }).fill('Sturdy-pass-42');
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('An account with this email already exists.');
});

test('a cookie-authenticated mutation from another origin is refused with 403', async ({ page, request }) => {
  await page.goto('/sign-in');
  const form = page.locator('main');
  await form.getByLabel('Email address').fill('shopper@example.com');
  await form.getByLabel('Password').fill('Shopper-pass-1');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText('Sam Shopper');
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');

  const forged = await request.post('/api/auth/sign-out', { headers: { cookie, origin: 'https://evil.example' } });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.code).toBe('FORBIDDEN');
  // The session survived.
  const me = await request.get('/api/me', { headers: { cookie } });
  expect(me.status()).toBe(200);
  expect((await me.json()).user.name).toBe('Sam Shopper');
});

test('middleware refreshes a missing access token from the refresh token within the same request', async ({ page, context }) => {
  await page.goto('/sign-in');
  const form = page.locator('main');
  await form.getByLabel('Email address').fill('shopper@example.com');
  await form.getByLabel('Password').fill('Shopper-pass-1');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText('Sam Shopper');

  // As when sf_at has expired: the browser stops sending it, only sf_rt and sf_profile remain.
  const kept = (await context.cookies()).filter((c) => c.name !== 'sf_at');
  await context.clearCookies();
  await context.addCookies(kept);

  await page.goto('/orders');
  // No detour through /sign-in, and the header (a server component in the same request) already knows the shopper.
  await expect(page).toHaveURL(/\/orders$/);
  await expect(page.getByRole('banner')).toContainText('Sam Shopper');
  const access = (await context.cookies()).find((c) => c.name === 'sf_at');
  expect(access?.httpOnly).toBe(true);
});
