import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type APIRequestContext, expect, type Page } from '@playwright/test';

// Shared by the order lifecycle and operations specs: a new shopper, an in-stock variant, an order placed through
// the API (the checkout page has its own spec), and waiting on the simulated warehouse by polling, never sleeping.

export type OrderStatus = 'PLACED' | 'PROCESSING' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED' | 'RETURN_REQUESTED' | 'RETURNED' | 'PARTIALLY_RETURNED';

/** The h1 of an order page: its human number (API.md "Orders, told truthfully"). */
export const ORDER_HEADING = /^Order TT-[2-9A-HJKMNP-TV-Z]{6}$/;
type Variant = { id: string; available: number };

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;

/**
 * Clicks the checkout's "Place order" and waits for the page it should lead to (the order, or the issuer's 3-D
 * Secure challenge). Placing an order tokenises the card at the processor, screens, authorises and writes, then
 * navigates: on a loaded machine that can take more than the 10 s default, so 30 s. When the page stays put, the
 * failure says what the page said instead (its alert, the button), not only which URL it had.
 */
export async function clickPlaceOrder(page: Page, next: RegExp): Promise<void> {
  await page.getByRole('button', { name: /^Place order/ }).click();
  try {
    await expect(page).toHaveURL(next, { timeout: 30_000 });
  } catch (err) {
    const alerts = await page
      .getByRole('alert')
      .allInnerTexts()
      .catch(() => []);
    const said = alerts.map((t) => t.trim()).filter(Boolean);
    const button = await page
      .locator('main form button[type="submit"]')
      .last()
      .textContent({ timeout: 1000 })
      .catch(() => '(not found)');
    throw new Error(`${(err as Error).message}\nThe page said: ${said.length > 0 ? said.join(' | ') : '(no alert)'}\nIts submit button: ${button}`);
  }
}

/** Signs a new shopper up and in on `api` (a page's request context shares the page's cookies). */
export async function signUpShopper(api: APIRequestContext, prefix: string): Promise<{ email: string; name: string }> {
  const email = unique(prefix);
  const password = 'Lifecycle-pass-42';
  const name = 'Lin Lifecycle';
  const signUp = await api.post('/api/auth/sign-up', { data: { email, password, name } });
  expect(signUp.status(), await signUp.text()).toBe(201);
  const signIn = await api.post('/api/auth/sign-in', { data: { email, password } });
  expect(signIn.status(), await signIn.text()).toBe(200);
  return { email, name };
}

export async function signIn(api: APIRequestContext, email: string, password: string): Promise<void> {
  const res = await api.post('/api/auth/sign-in', { data: { email, password } });
  expect(res.status(), await res.text()).toBe(200);
}

/** A demo product variant with at least `min` units purchasable now. */
export async function inStockVariant(api: APIRequestContext, min = 5): Promise<{ productId: string; slug: string; variantId: string }> {
  const list = (await (await api.get('/api/products?limit=48&sort=rating')).json()) as { items: { slug: string }[] };
  for (const { slug } of list.items) {
    const product = (await (await api.get(`/api/products/${slug}`)).json()) as { id: string; variants: Variant[] };
    const variant = product.variants.find((v) => v.available >= min);
    if (variant) return { productId: product.id, slug, variantId: variant.id };
  }
  throw new Error('no in-stock demo product');
}

export async function availableUnits(api: APIRequestContext, slug: string, variantId: string): Promise<number> {
  const product = (await (await api.get(`/api/products/${slug}`)).json()) as { variants: Variant[] };
  return product.variants.find((v) => v.id === variantId)!.available;
}

/** The sandbox processor's origin on this run's stack (e2e/serve.ts writes the stack's env beside the port). */
export function paymentsSandboxUrl(): string {
  const port = process.env.E2E_PORT ?? '3107';
  const env = JSON.parse(readFileSync(join(tmpdir(), `storefront-e2e-${port}.json`), 'utf8')) as Record<string, string>;
  return env.PAYMENTS_SANDBOX_URL!;
}

/**
 * Tokenises a test card at the sandbox processor, as the checkout page's card fields do from the browser, and
 * answers the single-use `tok_…` that checkout takes. The card never goes to the storefront.
 */
export async function tokenise(api: APIRequestContext, number = '4242 4242 4242 4242'): Promise<string> {
  const res = await api.post(`${paymentsSandboxUrl()}/v1/tokens`, { data: { number, expMonth: 12, expYear: new Date().getFullYear() + 3, cvc: '123' } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Puts `quantity` of the variant in the cart and checks out with a token of the approving sandbox card. */
export async function placeOrder(api: APIRequestContext, item: { productId: string; variantId: string }, quantity = 1): Promise<string> {
  const added = await api.post('/api/cart/items', { data: { ...item, quantity } });
  expect(added.status(), await added.text()).toBe(200);
  const placed = await api.post('/api/checkout', {
    headers: { 'idempotency-key': crypto.randomUUID() },
    data: {
      shippingAddress: { name: 'Lin Lifecycle', line1: '1 Analytical Way', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' },
      shippingMethod: 'standard',
      payment: { token: await tokenise(api) },
    },
  });
  expect(placed.status(), await placed.text()).toBe(201);
  return ((await placed.json()) as { order: { id: string } }).order.id;
}

/** Polls the shopper's GET /api/orders/[id] until the warehouse has taken the order to `status`. */
export async function waitForStatus(api: APIRequestContext, orderId: string, status: OrderStatus, timeout = 60_000, query = ''): Promise<void> {
  await expect
    .poll(async () => ((await (await api.get(`/api/orders/${orderId}${query}`)).json()) as { order: { status: OrderStatus } }).order.status, {
      timeout,
      intervals: [250, 500, 1000],
    })
    .toBe(status);
}
