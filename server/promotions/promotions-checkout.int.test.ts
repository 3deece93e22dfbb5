import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkoutBody, idempotencyRecordExists, orderCount, putProduct, stockOf, uniqueId } from '../checkout/test-support/fixtures';
import { apiRequest, params, requestContext, resetRequestContext, testUser } from '../checkout/test-support/request-context';
import { customerUses, makePromotion, redemptionsOf, setRedemptions, uniqueCode } from './test-support';

// Discount codes through the real cart and checkout routes against the local stack (DynamoDB Local): the reasons a
// code is refused, the discounted order, the usage limit under concurrency, the per-customer limit, a client-sent
// discount ignored, and a cancellation giving the redemption back.

vi.mock('next/headers', async () => (await import('../checkout/test-support/request-context')).nextHeadersOnContext());
vi.mock('@/server/identity', async (importOriginal) =>
  (await import('../checkout/test-support/request-context')).identityOnContext(await importOriginal<typeof import('@/server/identity')>()),
);

const discountRoute = await import('@/app/api/cart/discount/route');
const discountCodeRoute = await import('@/app/api/cart/discount/[code]/route');
const checkoutRoute = await import('@/app/api/checkout/route');
const quoteRoute = await import('@/app/api/checkout/quote/route');
const { addCartItem, applyDiscountCode, getCart } = await import('@/server/cart');
const { placeOrder } = await import('@/server/checkout');
const { cancelOrder } = await import('@/server/orders');
const { isAppError } = await import('@/server/platform/errors');
const { countStreamedRedemptions } = await import('@/server/promotions');

/** The stored order as the orders stream's NEW_IMAGE carries it. */
async function orderImage(orderId: string): Promise<Record<string, unknown>> {
  const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
  const { dynamoDoc } = await import('@/server/platform/aws/clients');
  const { tableName } = await import('@/server/platform/db/tables');
  const out = await dynamoDoc().send(
    new QueryCommand({
      TableName: tableName('orders'),
      IndexName: 'byOrderId',
      KeyConditionExpression: 'orderId = :o',
      ExpressionAttributeValues: { ':o': orderId },
    }),
  );
  return out.Items![0]!;
}

type Money = { amount: number; currency: string };
type CartJson = { discountCode: string | null; discounts: { code: string; amount: Money }[]; discountTotal: Money; subtotal: Money };
type OrderJson = { id: string; subtotal: Money; discount: Money; discountCodes: string[]; shipping: Money; tax: Money; total: Money };

const json = async <T>(res: Response) => (await res.json()) as T;
const applyCode = (code: string) => discountRoute.POST(apiRequest('POST', '/api/cart/discount', { body: { code } }), undefined);
const checkout = (body: unknown) =>
  checkoutRoute.POST(apiRequest('POST', '/api/checkout', { body, headers: { 'idempotency-key': crypto.randomUUID() } }), undefined);

async function shopper(category: string, price = 4_000, stock = 50) {
  const product = await putProduct({ variants: [{ id: 'v', price, stock }], category });
  const user = testUser(uniqueId('promo-shopper'));
  requestContext.user = user;
  await addCartItem({ kind: 'user', userId: user.id }, { productId: product.id, variantId: 'v', quantity: 1 });
  return { product, user };
}

beforeEach(() => resetRequestContext());

describe('entering a code in the cart', () => {
  it('adds it with its discount, lower-case input accepted, and removes it', async () => {
    const category = uniqueId('cat');
    const promo = await makePromotion({ value: 15 });
    await shopper(category);

    const res = await applyCode(promo.code.toLowerCase());
    expect(res.status).toBe(200);
    const cart = await json<CartJson>(res);
    // 15% of 40.00 = 6.00
    expect(cart).toMatchObject({ discountCode: promo.code, discountTotal: { amount: 600 }, discounts: [{ code: promo.code, amount: { amount: 600 } }] });

    const removed = await json<CartJson>(
      await discountCodeRoute.DELETE(apiRequest('DELETE', `/api/cart/discount/${promo.code}`), params({ code: promo.code })),
    );
    expect(removed).toMatchObject({ discountCode: null, discounts: [], discountTotal: { amount: 0 } });
  });

  it('refuses each kind of invalid code with its reason, and keeps the cart as it was', async () => {
    const category = uniqueId('cat');
    const past = new Date(Date.now() - 86_400_000).toISOString();
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const cases: [string, Record<string, unknown> | null][] = [
      ['unknown', null],
      ['expired', { endsAt: past }],
      ['expired', { active: false }],
      ['not-started', { startsAt: future }],
      ['exhausted', { usageLimit: 1 }],
      ['min-subtotal', { minSubtotal: { amount: 10_000, currency: 'USD' } }],
      ['not-applicable', { categories: ['no-such-category'] }],
    ];
    const { user } = await shopper(category);
    for (const [reason, fields] of cases) {
      const code = fields ? (await makePromotion(fields)).code : uniqueCode('NONE');
      if (reason === 'exhausted') await setRedemptions(code, 1);
      const res = await applyCode(code);
      expect(res.status, `${reason}: ${JSON.stringify(fields)}`).toBe(400);
      const body = await json<{ error: { code: string; message: string; details: { reason: string } } }>(res);
      expect(body.error).toMatchObject({ code: 'INVALID_DISCOUNT', details: { reason } });
      expect(body.error.message).toContain(code);
    }
    expect((await getCart({ kind: 'user', userId: user.id })).discountCode).toBeNull();
  });

  it('replaces the code entered before: one code per order', async () => {
    const category = uniqueId('cat');
    const first = await makePromotion({ value: 10 });
    const second = await makePromotion({ kind: 'amount', value: 500 });
    await shopper(category);
    await applyCode(first.code);
    const cart = await json<CartJson>(await applyCode(second.code));
    expect(cart.discounts.map((d) => d.code)).toEqual([second.code]);
    expect(cart.discountTotal.amount).toBe(500);
  });
});

describe('checking out with a code', () => {
  it('charges the discounted total with tax on the discounted amount, counts the redemption, ignores a client-sent discount and clears the code', async () => {
    const category = uniqueId('cat');
    const promo = await makePromotion({ value: 10, usageLimit: 10 });
    const { user } = await shopper(category, 4_000);
    await applyCode(promo.code);

    const quote = await json<{ totals: { discount: Money; tax: Money; total: Money } }>(
      await quoteRoute.GET(apiRequest('GET', '/api/checkout/quote?country=US&region=CA&postalCode=94105&shippingMethod=standard'), undefined),
    );
    // 40.00 − 4.00 = 36.00; CA 7.25% of 36.00 = 2.61; standard 5.99 → 44.60
    expect(quote.totals).toMatchObject({ discount: { amount: 400 }, tax: { amount: 261 }, total: { amount: 3600 + 599 + 261 } });

    const res = await checkout(checkoutBody(undefined, { discount: { amount: 4_000, currency: 'USD' }, total: { amount: 1, currency: 'USD' } }));
    expect(res.status).toBe(201);
    const { order } = await json<{ order: OrderJson }>(res);
    expect(order).toMatchObject({
      subtotal: { amount: 4000 },
      discount: { amount: 400 },
      discountCodes: [promo.code],
      shipping: { amount: 599 },
      tax: { amount: 261 },
      total: { amount: 4460 },
    });
    expect(await redemptionsOf(promo.code)).toBe(1);
    expect((await getCart({ kind: 'user', userId: user.id })).discountCode).toBeNull();
  });

  it('applies an automatic promotion without a code and counts it from the orders stream, exactly once', async () => {
    const category = uniqueId('cat');
    const auto = await makePromotion({ automatic: true, categories: [category], value: 20 });
    await shopper(category, 2_500);
    const res = await checkout(checkoutBody());
    expect(res.status).toBe(201);
    const { order } = await json<{ order: OrderJson }>(res);
    // 20% of 25.00 = 5.00; tax 7.25% of 20.00 = 1.45
    expect(order).toMatchObject({ discount: { amount: 500 }, discountCodes: [auto.code], tax: { amount: 145 }, total: { amount: 2000 + 599 + 145 } });
    // Without any limit it is not counted inside the checkout transaction (ADR 0029: every checkout would queue on
    // the promotion's item) but by the orders stream after the order; a redelivered record adds nothing.
    expect((await redemptionsOf(auto.code)) ?? 0).toBe(0);
    const image = await orderImage(order.id);
    expect(image.redemptions).toEqual([{ code: auto.code, customerKey: null, counted: 'stream' }]);
    expect(await countStreamedRedemptions([image])).toBe(1);
    expect(await countStreamedRedemptions([image, image])).toBe(0);
    expect(await redemptionsOf(auto.code)).toBe(1);
  });

  it('still counts an automatic promotion with a usage limit inside the checkout transaction', async () => {
    const category = uniqueId('cat');
    const auto = await makePromotion({ automatic: true, categories: [category], value: 20, usageLimit: 5 });
    await shopper(category, 2_500);
    expect((await checkout(checkoutBody())).status).toBe(201);
    expect(await redemptionsOf(auto.code)).toBe(1);
  });

  it('answers 409 DISCOUNT_UNAVAILABLE with nothing written when the code was used up after it was entered', async () => {
    const category = uniqueId('cat');
    const promo = await makePromotion({ usageLimit: 5 });
    const { product, user } = await shopper(category);
    await applyCode(promo.code);
    await setRedemptions(promo.code, 5);

    const key = crypto.randomUUID();
    const res = await checkoutRoute.POST(apiRequest('POST', '/api/checkout', { body: checkoutBody(), headers: { 'idempotency-key': key } }), undefined);
    expect(res.status).toBe(409);
    expect((await json<{ error: { code: string; details: unknown } }>(res)).error).toMatchObject({
      code: 'DISCOUNT_UNAVAILABLE',
      details: { code: promo.code, reason: 'exhausted' },
    });
    expect(await orderCount(user.id)).toBe(0);
    expect(await stockOf(product.id, 'v')).toBe(50);
    expect(await idempotencyRecordExists(user.id, key)).toBe(false);
    expect(await redemptionsOf(promo.code)).toBe(5);
  });
});

describe('the usage limit under concurrency', () => {
  it('gives exactly K discounted orders to 20 concurrent checkouts of a code with K uses left; the rest 409 with nothing written', async () => {
    const category = uniqueId('cat');
    const K = 4;
    const promo = await makePromotion({ value: 10, usageLimit: 10 });
    await setRedemptions(promo.code, 10 - K);
    const product = await putProduct({ variants: [{ id: 'v', price: 3_000, stock: 100 }], category });
    const users = Array.from({ length: 20 }, () => uniqueId('promo-racer'));
    for (const userId of users) {
      await addCartItem({ kind: 'user', userId }, { productId: product.id, variantId: 'v', quantity: 1 });
      await applyDiscountCode({ kind: 'user', userId }, promo.code, null);
    }

    const results = await Promise.allSettled(
      users.map((userId) => placeOrder({ userId, email: `${userId}@example.com`, idempotencyKey: crypto.randomUUID(), body: checkoutBody() })),
    );
    const placed = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.order] : []));
    const codes = results.flatMap((r) => (r.status === 'rejected' ? [isAppError(r.reason) ? r.reason.code : String(r.reason)] : []));

    expect(placed).toHaveLength(K);
    for (const order of placed) expect(order).toMatchObject({ discount: { amount: 300 }, discountCodes: [promo.code] });
    expect(codes).toEqual(Array(20 - K).fill('DISCOUNT_UNAVAILABLE'));
    expect((await Promise.all(users.map(orderCount))).reduce((a, b) => a + b, 0)).toBe(K);
    expect(await stockOf(product.id, 'v')).toBe(100 - K);
    expect(await redemptionsOf(promo.code)).toBe(10);
  }, 120_000);
});

describe('the per-customer limit', () => {
  it('lets one customer use a once-per-customer code once, however many carts (and accounts with that email) they try it from', async () => {
    const category = uniqueId('cat');
    const promo = await makePromotion({ perCustomerLimit: 1 });
    const email = `${uniqueId('twice')}@example.com`;
    const product = await putProduct({ variants: [{ id: 'v', price: 3_000, stock: 100 }], category });
    const accounts = [uniqueId('acct'), uniqueId('acct')];
    for (const userId of accounts) {
      await addCartItem({ kind: 'user', userId }, { productId: product.id, variantId: 'v', quantity: 1 });
      await applyDiscountCode({ kind: 'user', userId }, promo.code, null);
    }
    const results = await Promise.allSettled(
      accounts.map((userId) => placeOrder({ userId, email, idempotencyKey: crypto.randomUUID(), body: checkoutBody() })),
    );
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ code: 'DISCOUNT_UNAVAILABLE', details: { reason: 'already-used' } });
    expect(await customerUses(promo.code, `email:${email}`)).toBe(1);

    // Entering it again, signed in with that email, is refused at once.
    requestContext.user = { ...testUser(accounts[0]!), email };
    await addCartItem({ kind: 'user', userId: accounts[0]! }, { productId: product.id, variantId: 'v', quantity: 1 });
    const again = await applyCode(promo.code);
    expect(again.status).toBe(400);
    expect((await json<{ error: { details: { reason: string } } }>(again)).error.details.reason).toBe('already-used');
  }, 60_000);
});

describe('once per customer for guests (issue 30 M4)', () => {
  it('counts tagged and dotted addresses of one mailbox, and one delivery address, as one customer', async () => {
    const category = uniqueId('cat');
    const promo = await makePromotion({ perCustomerLimit: 1 });
    const product = await putProduct({ variants: [{ id: 'v', price: 3_000, stock: 100 }], category });
    const tag = uniqueId('me').toLowerCase();
    const door = (line1: string) => ({ ...checkoutBody().shippingAddress, line1 });
    const order = async (email: string, line1: string) => {
      const userId = uniqueId('guest');
      await addCartItem({ kind: 'user', userId }, { productId: product.id, variantId: 'v', quantity: 1 });
      await applyDiscountCode({ kind: 'user', userId }, promo.code, null);
      return placeOrder({ userId, email, idempotencyKey: crypto.randomUUID(), body: { ...checkoutBody(), shippingAddress: door(line1) } }).then(
        () => 'placed',
        (err: unknown) => (isAppError(err) ? `${err.code}:${(err.details as { reason?: string })?.reason}` : String(err)),
      );
    };
    const street = `${Math.floor(Math.random() * 9000) + 100} Mission St`;
    expect(await order(`${tag}+1@gmail.com`, street)).toBe('placed');
    // The same mailbox, tagged or dotted differently, to another door.
    expect(await order(`${tag}+2@gmail.com`, `1 ${uniqueId('Other')} Rd`)).toBe('DISCOUNT_UNAVAILABLE:already-used');
    expect(await order(`${tag.slice(0, 3)}.${tag.slice(3)}@googlemail.com`, `2 ${uniqueId('Other')} Rd`)).toBe('DISCOUNT_UNAVAILABLE:already-used');
    // Another mailbox to the same door, written differently.
    expect(await order(`${uniqueId('fresh')}@example.com`, `  ${street.toUpperCase()}. `)).toBe('DISCOUNT_UNAVAILABLE:already-used');
    // Someone else entirely is a new customer.
    expect(await order(`${uniqueId('fresh')}@example.com`, `3 ${uniqueId('Else')} Ave`)).toBe('placed');
  }, 60_000);
});

describe('cancelling an order', () => {
  it('gives the redemption back exactly once, so the last use can be had again', async () => {
    const category = uniqueId('cat');
    const promo = await makePromotion({ usageLimit: 1, perCustomerLimit: 1 });
    const { user } = await shopper(category);
    await applyCode(promo.code);
    const placed = await json<{ order: OrderJson }>(await checkout(checkoutBody()));
    expect(await redemptionsOf(promo.code)).toBe(1);
    expect(await customerUses(promo.code, `email:${user.email}`)).toBe(1);

    const cancelled = await cancelOrder(placed.order.id, { by: 'shopper', userId: user.id });
    expect(cancelled.status).toBe('CANCELLED');
    expect(await redemptionsOf(promo.code)).toBe(0);
    expect(await customerUses(promo.code, `email:${user.email}`)).toBe(0);

    // A second cancellation is refused and gives nothing back twice.
    await expect(cancelOrder(placed.order.id, { by: 'shopper', userId: user.id })).rejects.toMatchObject({ code: 'ORDER_NOT_CANCELLABLE' });
    expect(await redemptionsOf(promo.code)).toBe(0);

    // The use is free again: the same shopper can enter it and order with it.
    const next = await putProduct({ variants: [{ id: 'v', price: 4_000, stock: 5 }], category });
    await addCartItem({ kind: 'user', userId: user.id }, { productId: next.id, variantId: 'v', quantity: 1 });
    expect((await applyCode(promo.code)).status).toBe(200);
    expect((await checkout(checkoutBody())).status).toBe(201);
    expect(await redemptionsOf(promo.code)).toBe(1);
  }, 60_000);
});
