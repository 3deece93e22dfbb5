import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PaymentProvider } from '@/server/payments';
import { address, checkoutBody, idempotencyRecordExists, orderCount, putProduct, stockOf, uniqueId } from './test-support/fixtures';
import { apiRequest, requestContext, resetRequestContext, testUser } from './test-support/request-context';

// Issue 19.5 (the order charged is the order reviewed) and 19.6 (tax only from a state the ZIP code confirms),
// through the real route handlers on the local stack; the session points at an in-memory request context.
vi.mock('next/headers', async () => (await import('./test-support/request-context')).nextHeadersOnContext());
vi.mock('@/server/identity', async (importOriginal) =>
  (await import('./test-support/request-context')).identityOnContext(await importOriginal<typeof import('@/server/identity')>()),
);

const cartItemsRoute = await import('@/app/api/cart/items/route');
const checkoutRoute = await import('@/app/api/checkout/route');
const quoteRoute = await import('@/app/api/checkout/quote/route');
const { placeOrder } = await import('@/server/checkout');

type Money = { amount: number; currency: string };
type Quote = {
  cart: { items: { productId: string; quantity: number }[]; subtotal: Money };
  totals: { subtotal: Money; discount: Money; discounts: unknown[]; shipping: Money; tax: Money; total: Money } | null;
};
type ErrorJson = { error: { code: string; message: string; details?: unknown } };

const addItem = (body: unknown) => cartItemsRoute.POST(apiRequest('POST', '/api/cart/items', { body }), undefined);
const getQuote = (query: Record<string, string>) => quoteRoute.GET(apiRequest('GET', `/api/checkout/quote?${new URLSearchParams(query)}`), undefined);
const checkout = (body: unknown, key: string) =>
  checkoutRoute.POST(apiRequest('POST', '/api/checkout', { body, headers: { 'idempotency-key': key } }), undefined);
const reviewQuery = { country: 'US', region: 'CA', postalCode: '94105', shippingMethod: 'standard' };

beforeEach(() => resetRequestContext());

describe('the order charged is the order reviewed (CART_CHANGED)', () => {
  it('refuses a total that is no longer the cart’s with the new quote, writes nothing, then places the order at the new total', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 2_000, stock: 10 }] });
    const userId = uniqueId('reviewer');
    requestContext.user = testUser(userId);
    expect((await addItem({ productId: p.id, variantId: 'v', quantity: 1 })).status).toBe(200);

    // The review step: 20.00 + 5.99 shipping + 7.25% CA tax (1.45) = 27.44.
    const reviewed = (await (await getQuote(reviewQuery)).json()) as Quote;
    expect(reviewed.totals?.total).toEqual({ amount: 2_744, currency: 'USD' });

    // Another tab adds 3 units before the shopper confirms.
    expect((await addItem({ productId: p.id, variantId: 'v', quantity: 3 })).status).toBe(200);

    const key = crypto.randomUUID();
    const refused = await checkout(checkoutBody(undefined, { expectedTotal: reviewed.totals!.total }), key);
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as ErrorJson;
    expect(body.error.code).toBe('CART_CHANGED');
    // 80.00, free standard shipping from 75.00, tax 5.80.
    const details = body.error.details as { expectedTotal: Money; quote: Quote };
    expect(details.expectedTotal).toEqual({ amount: 2_744, currency: 'USD' });
    expect(details.quote.cart.items.map((i) => i.quantity)).toEqual([4]);
    expect(details.quote.totals).toEqual({
      subtotal: { amount: 8_000, currency: 'USD' },
      // No promotion applies to this cart (the quote names every discount, none here).
      discount: { amount: 0, currency: 'USD' },
      discounts: [],
      shipping: { amount: 0, currency: 'USD' },
      tax: { amount: 580, currency: 'USD' },
      total: { amount: 8_580, currency: 'USD' },
    });
    // The new quote is the one the review would now show.
    expect(((await (await getQuote(reviewQuery)).json()) as Quote).totals).toEqual(details.quote.totals);

    // Nothing written: no order, no stock moved, no idempotency record (the same key may be used again).
    expect(await orderCount(userId)).toBe(0);
    expect(await stockOf(p.id, 'v')).toBe(10);
    expect(await idempotencyRecordExists(userId, key)).toBe(false);

    // No payment hold either: the refusal comes before the card is authorised.
    const holds = { authorized: 0, voided: 0 };
    const provider: PaymentProvider = {
      name: 'recording',
      async authorize() {
        holds.authorized++;
        return { approved: true, brand: 'visa', last4: '4242', authorizationId: `auth_${holds.authorized}` };
      },
      async void() {
        holds.voided++;
      },
    };
    await expect(
      placeOrder({ userId, idempotencyKey: crypto.randomUUID(), body: checkoutBody(undefined, { expectedTotal: reviewed.totals!.total }), provider }),
    ).rejects.toMatchObject({
      code: 'CART_CHANGED',
    });
    expect(holds).toEqual({ authorized: 0, voided: 0 });

    // The shopper confirms the new total (with the same key, which nothing has used yet): one order, charged that.
    const placed = await checkout(checkoutBody(undefined, { expectedTotal: details.quote.totals!.total }), key);
    expect(placed.status).toBe(201);
    const { order } = (await placed.json()) as { order: { total: Money; items: { quantity: number }[] } };
    expect(order.total).toEqual({ amount: 8_580, currency: 'USD' });
    expect(order.items.map((i) => i.quantity)).toEqual([4]);
    expect(await orderCount(userId)).toBe(1);
    expect(await stockOf(p.id, 'v')).toBe(6);
  });

  it('still takes a body without expectedTotal (the original contract), and refuses a malformed one', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 5 }] });
    const userId = uniqueId('compat');
    requestContext.user = testUser(userId);
    await addItem({ productId: p.id, variantId: 'v', quantity: 1 });
    const bad = await checkout(checkoutBody(undefined, { expectedTotal: { amount: 10.5, currency: 'USD' } }), crypto.randomUUID());
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorJson).error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'expectedTotal.amount' }] });
    expect((await checkout(checkoutBody(), crypto.randomUUID())).status).toBe(201);
  });
});

describe('tax only from a state the ZIP code confirms', () => {
  it('answers 400 with a field error for OR + a San Francisco ZIP, in the quote and at checkout, and writes nothing', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 10_193, stock: 5 }] });
    const userId = uniqueId('taxed');
    requestContext.user = testUser(userId);
    await addItem({ productId: p.id, variantId: 'v', quantity: 1 });

    const quoteRes = await getQuote({ ...reviewQuery, region: 'OR' });
    expect(quoteRes.status).toBe(400);
    const quoteError = ((await quoteRes.json()) as ErrorJson).error;
    expect(quoteError).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'region' }] });
    expect((quoteError.details as { message: string }[])[0]!.message).toMatch(/Oregon does not match ZIP code 94105, which is in California/);

    const key = crypto.randomUUID();
    const res = await checkout(checkoutBody(undefined, { shippingAddress: { ...address, region: 'OR' } }), key);
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorJson).error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'shippingAddress.region' }] });
    const unknownZip = await checkout(checkoutBody(undefined, { shippingAddress: { ...address, postalCode: '00000' } }), crypto.randomUUID());
    expect(((await unknownZip.json()) as ErrorJson).error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'shippingAddress.postalCode' }] });
    expect(await orderCount(userId)).toBe(0);
    expect(await stockOf(p.id, 'v')).toBe(5);
    expect(await idempotencyRecordExists(userId, key)).toBe(false);

    // The state the ZIP is in: CA tax, 739 on 101.93, quoted and charged alike.
    const quoted = (await (await getQuote(reviewQuery)).json()) as Quote;
    expect(quoted.totals?.tax).toEqual({ amount: 739, currency: 'USD' });
    const placed = await checkout(checkoutBody(undefined, { expectedTotal: quoted.totals!.total }), key);
    expect(placed.status).toBe(201);
    expect(((await placed.json()) as { order: { tax: Money } }).order.tax).toEqual({ amount: 739, currency: 'USD' });
  });
});
