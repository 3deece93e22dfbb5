import { beforeEach, describe, expect, it, vi } from 'vitest';
import { address, checkoutBody, idempotencyRecordExists, orderCount, putProduct, stockOf, uniqueId } from './test-support/fixtures';
import { apiRequest, params, requestContext, resetRequestContext, testUser } from './test-support/request-context';

// The thin Next layer reads cookies() and the session; both are pointed at an in-memory request context so the
// real route handlers run against the real local stack.
vi.mock('next/headers', async () => (await import('./test-support/request-context')).nextHeadersOnContext());
vi.mock('@/server/identity', async (importOriginal) =>
  (await import('./test-support/request-context')).identityOnContext(await importOriginal<typeof import('@/server/identity')>()),
);

const cartRoute = await import('@/app/api/cart/route');
const cartItemsRoute = await import('@/app/api/cart/items/route');
const cartLineRoute = await import('@/app/api/cart/items/[lineId]/route');
const checkoutRoute = await import('@/app/api/checkout/route');
const ordersRoute = await import('@/app/api/orders/route');
const orderRoute = await import('@/app/api/orders/[id]/route');
const { onSignIn, addCartItem } = await import('@/server/cart');
const { placeOrder } = await import('@/server/checkout');
const { findOrderForOperations } = await import('@/server/orders');

type CartJson = {
  id: string;
  items: {
    lineId: string;
    productId: string;
    variantId: string;
    quantity: number;
    unitPrice: { amount: number };
    lineTotal: { amount: number };
    available: boolean;
  }[];
  subtotal: { amount: number };
  itemCount: number;
};
type OrderJson = {
  id: string;
  status: string;
  items: { productId: string; variantId: string; quantity: number; unitPrice: { amount: number } }[];
  subtotal: { amount: number };
  shipping: { amount: number };
  tax: { amount: number };
  total: { amount: number };
  payment: { brand: string; last4: string };
};

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

const getCart = () => cartRoute.GET(apiRequest('GET', '/api/cart'), undefined);
const addItem = (body: unknown, origin?: string) => cartItemsRoute.POST(apiRequest('POST', '/api/cart/items', { body, origin }), undefined);
const checkout = (body: unknown, key?: string) =>
  checkoutRoute.POST(apiRequest('POST', '/api/checkout', { body, headers: key ? { 'idempotency-key': key } : {} }), undefined);

beforeEach(() => resetRequestContext());

describe('the full lifecycle', () => {
  it('keeps a guest cart through sign-in, places the order, lists it, empties the cart and decrements stock', async () => {
    const tent = await putProduct({ variants: [{ id: 'two-person', price: 12_999, stock: 5 }] });
    const mug = await putProduct({
      variants: [
        { id: 'blue', price: 1_500, stock: 8 },
        { id: 'red', price: 1_500, stock: 8 },
      ],
    });
    const userId = uniqueId('user');

    // A guest adds two items; the first add mints a signed, httpOnly cookie.
    expect((await addItem({ productId: tent.id, variantId: 'two-person', quantity: 1 })).status).toBe(200);
    const cookie = requestContext.cookies.get('sf_cart');
    expect(cookie).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(requestContext.cookieOptions.get('sf_cart')).toMatchObject({ httpOnly: true, sameSite: 'lax' });
    const guestCart = await json<CartJson>(await addItem({ productId: mug.id, variantId: 'blue', quantity: 2 }));
    expect(guestCart.itemCount).toBe(3);

    // The user already had one blue mug: sign-in adds the guest's two to it.
    await addCartItem({ kind: 'user', userId }, { productId: mug.id, variantId: 'blue', quantity: 1 });
    await onSignIn(userId);
    expect(requestContext.cookies.has('sf_cart')).toBe(false);
    requestContext.user = testUser(userId);
    const merged = await json<CartJson>(await getCart());
    expect(merged.items.map((i) => [i.productId, i.quantity]).sort()).toEqual(
      [
        [mug.id, 3],
        [tent.id, 1],
      ].sort(),
    );
    expect(merged.subtotal.amount).toBe(12_999 + 3 * 1_500);

    // Checkout.
    const res = await checkout(checkoutBody(), crypto.randomUUID());
    expect(res.status).toBe(201);
    const { order } = await json<{ order: OrderJson }>(res);
    expect(order).toMatchObject({ status: 'PLACED', payment: { brand: 'visa', last4: '4242' } });
    expect(order.subtotal.amount).toBe(17_499);
    expect(order.shipping.amount).toBe(0); // over the free-shipping threshold
    expect(order.tax.amount).toBe(Math.round((17_499 * 725) / 10_000));
    expect(order.total.amount).toBe(order.subtotal.amount + order.shipping.amount + order.tax.amount);
    expect(JSON.stringify(order)).not.toContain('4242424242424242');

    // Listed in the shopper's orders and readable by id.
    const list = await json<{ items: { id: string }[]; nextCursor: string | null }>(await ordersRoute.GET(apiRequest('GET', '/api/orders'), undefined));
    expect(list.items.map((o) => o.id)).toEqual([order.id]);
    const one = await orderRoute.GET(apiRequest('GET', `/api/orders/${order.id}`), params({ id: order.id }));
    expect(one.status).toBe(200);

    // Cart empty, stock down.
    expect((await json<CartJson>(await getCart())).items).toEqual([]);
    expect(await stockOf(tent.id, 'two-person')).toBe(4);
    expect(await stockOf(mug.id, 'blue')).toBe(5);
    expect(await stockOf(mug.id, 'red')).toBe(8);
  });
});

describe('checkout rules', () => {
  it('returns the first order for the same key, and 409 for the same key with another body', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 2_000, stock: 10 }] });
    const userId = uniqueId('user');
    requestContext.user = testUser(userId);
    await addCartItem({ kind: 'user', userId }, { productId: p.id, variantId: 'v', quantity: 1 });
    const key = crypto.randomUUID();
    const first = await json<{ order: OrderJson }>(await checkout(checkoutBody(), key));
    const again = await checkout(checkoutBody(), key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await json<{ order: OrderJson }>(again)).order.id).toBe(first.order.id);
    const other = await checkout({ ...checkoutBody(), shippingMethod: 'express' }, key);
    expect(other.status).toBe(409);
    expect((await json<{ error: { code: string } }>(other)).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await orderCount(userId)).toBe(1);
    expect(await stockOf(p.id, 'v')).toBe(9);
  });

  it("stores the shopper's email on the order, lower-cased, so order mail and the operations search find it", async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 2_000, stock: 10 }] });
    const userId = uniqueId('user');
    requestContext.user = { ...testUser(userId), email: `Mixed.Case+${userId}@Example.com` };
    await addCartItem({ kind: 'user', userId }, { productId: p.id, variantId: 'v', quantity: 1 });
    const placed = await json<{ order: OrderJson }>(await checkout(checkoutBody(), crypto.randomUUID()));
    const stored = await findOrderForOperations(placed.order.id);
    expect(stored?.email).toBe(`mixed.case+${userId}@example.com`);
  });

  it('answers the same Idempotency-Key sent 5 times at once with one order', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 2_000, stock: 10 }] });
    const userId = uniqueId('user');
    requestContext.user = testUser(userId);
    await addCartItem({ kind: 'user', userId }, { productId: p.id, variantId: 'v', quantity: 2 });
    const key = crypto.randomUUID();
    const started = performance.now();
    const responses = await Promise.all(Array.from({ length: 5 }, () => checkout(checkoutBody(), key)));
    const ms = Math.round(performance.now() - started);
    const bodies = await Promise.all(responses.map((r) => json<{ order: OrderJson }>(r)));
    console.log(`[measure] same key ×5 concurrently: statuses ${responses.map((r) => r.status).join(',')}, ${ms} ms`);
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(bodies.map((b) => b.order.id)).size).toBe(1);
    expect(await orderCount(userId)).toBe(1);
    expect(await stockOf(p.id, 'v')).toBe(8);
  });

  it('leaves stock, orders and the idempotency table untouched when the card is declined', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 2_000, stock: 3 }] });
    const userId = uniqueId('user');
    requestContext.user = testUser(userId);
    await addCartItem({ kind: 'user', userId }, { productId: p.id, variantId: 'v', quantity: 1 });
    for (const card of ['4000 0000 0000 0002', '4000 0000 0000 9995']) {
      const key = crypto.randomUUID();
      const res = await checkout(checkoutBody(card), key);
      expect(res.status).toBe(402);
      expect((await json<{ error: { code: string } }>(res)).error.code).toBe('PAYMENT_DECLINED');
      expect(await idempotencyRecordExists(userId, key)).toBe(false);
    }
    expect(await stockOf(p.id, 'v')).toBe(3);
    expect(await orderCount(userId)).toBe(0);
    expect((await json<CartJson>(await getCart())).itemCount).toBe(1);
  });

  it('sells two variants of one product in one order (one Update, two conditions)', async () => {
    const p = await putProduct({
      variants: [
        { id: 's', price: 3_000, stock: 2 },
        { id: 'm', price: 3_200, stock: 1 },
      ],
    });
    const userId = uniqueId('user');
    requestContext.user = testUser(userId);
    await addCartItem({ kind: 'user', userId }, { productId: p.id, variantId: 's', quantity: 2 });
    await addCartItem({ kind: 'user', userId }, { productId: p.id, variantId: 'm', quantity: 1 });
    const res = await checkout(checkoutBody(), crypto.randomUUID());
    expect(res.status).toBe(201);
    const { order } = await json<{ order: OrderJson }>(res);
    expect(order.items.map((i) => [i.variantId, i.quantity]).sort()).toEqual([
      ['m', 1],
      ['s', 2],
    ]);
    expect(await stockOf(p.id, 's')).toBe(0);
    expect(await stockOf(p.id, 'm')).toBe(0);
  });

  it('places a full cart (50 products) in one transaction of 53 items', async () => {
    const userId = uniqueId('user');
    requestContext.user = testUser(userId);
    const products = await Promise.all(Array.from({ length: 50 }, () => putProduct({ variants: [{ id: 'v', price: 100, stock: 1 }] })));
    for (const p of products) await addCartItem({ kind: 'user', userId }, { productId: p.id, variantId: 'v', quantity: 1 });
    const res = await checkout(checkoutBody(), crypto.randomUUID());
    expect(res.status).toBe(201);
    expect((await json<{ order: OrderJson }>(res)).order.items).toHaveLength(50);
    expect(await stockOf(products[49]!.id, 'v')).toBe(0);
  }, 60_000);

  it('reports the short lines with 409 OUT_OF_STOCK and writes nothing', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 2 }] });
    const userId = uniqueId('user');
    requestContext.user = testUser(userId);
    await addCartItem({ kind: 'user', userId }, { productId: p.id, variantId: 'v', quantity: 2 });
    // Someone else buys one in between.
    const other = uniqueId('user');
    await addCartItem({ kind: 'user', userId: other }, { productId: p.id, variantId: 'v', quantity: 1 });
    await placeOrder({ userId: other, idempotencyKey: crypto.randomUUID(), body: checkoutBody() });
    const res = await checkout(checkoutBody(), crypto.randomUUID());
    expect(res.status).toBe(409);
    const body = await json<{ error: { code: string; details: { lines: unknown[] } } }>(res);
    expect(body.error.code).toBe('OUT_OF_STOCK');
    expect(body.error.details.lines).toEqual([{ productId: p.id, variantId: 'v', requested: 2, available: 1 }]);
    expect(await orderCount(userId)).toBe(0);
    expect(await stockOf(p.id, 'v')).toBe(1);
  });

  it('needs an Idempotency-Key, a valid body and a cart', async () => {
    // Without a session it is a guest checkout (server/guest-orders); with no guest cart there is nothing to buy.
    const noCart = await checkout(checkoutBody(), crypto.randomUUID());
    expect(noCart.status).toBe(400);
    expect((await json<{ error: { message: string } }>(noCart)).error.message).toMatch(/empty/);
    requestContext.user = testUser(uniqueId('user'));
    expect((await checkout(checkoutBody())).status).toBe(400);
    expect((await checkout(checkoutBody(), 'short')).status).toBe(400);
    const invalid = await checkout({ ...checkoutBody(), shippingAddress: { ...address, postalCode: 'nope' } }, crypto.randomUUID());
    expect(invalid.status).toBe(400);
    expect((await json<{ error: { details: { path: string }[] } }>(invalid)).error.details.map((d) => d.path)).toContain('shippingAddress.postalCode');
    const empty = await checkout(checkoutBody(), crypto.randomUUID());
    expect(empty.status).toBe(400);
    expect((await json<{ error: { message: string } }>(empty)).error.message).toMatch(/empty/);
  });

  it('refuses mutations from a foreign origin with 403', async () => {
    requestContext.user = testUser(uniqueId('user'));
    const evil = 'https://evil.example';
    const post = await cartItemsRoute.POST(apiRequest('POST', '/api/cart/items', { body: { productId: 'p', variantId: 'v' }, origin: evil }), undefined);
    const patch = await cartLineRoute.PATCH(
      apiRequest('PATCH', '/api/cart/items/ln_abcdefgh', { body: { quantity: 1 }, origin: evil }),
      params({ lineId: 'ln_abcdefgh' }),
    );
    const del = await cartLineRoute.DELETE(apiRequest('DELETE', '/api/cart/items/ln_abcdefgh', { origin: evil }), params({ lineId: 'ln_abcdefgh' }));
    const order = await checkoutRoute.POST(
      apiRequest('POST', '/api/checkout', { body: checkoutBody(), headers: { 'idempotency-key': crypto.randomUUID() }, origin: evil }),
      undefined,
    );
    expect([post.status, patch.status, del.status, order.status]).toEqual([403, 403, 403, 403]);
  });
});

describe('ownership', () => {
  it("answers 404 when shopper B reads shopper A's order or touches A's cart line", async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 5 }] });
    const a = uniqueId('user');
    const b = uniqueId('user');
    requestContext.user = testUser(a);
    const cartA = await json<CartJson>(await addItem({ productId: p.id, variantId: 'v', quantity: 1 }));
    const lineA = cartA.items[0]!.lineId;
    await addCartItem({ kind: 'user', userId: a }, { productId: p.id, variantId: 'v', quantity: 1 });
    const { order } = await json<{ order: OrderJson }>(await checkout(checkoutBody(), crypto.randomUUID()));
    const cartA2 = await json<CartJson>(await addItem({ productId: p.id, variantId: 'v', quantity: 1 }));
    const lineA2 = cartA2.items[0]!.lineId;
    expect(lineA2).not.toBe(lineA);

    requestContext.user = testUser(b);
    expect((await orderRoute.GET(apiRequest('GET', `/api/orders/${order.id}`), params({ id: order.id }))).status).toBe(404);
    expect((await json<{ items: unknown[] }>(await ordersRoute.GET(apiRequest('GET', '/api/orders'), undefined))).items).toEqual([]);
    const patch = await cartLineRoute.PATCH(apiRequest('PATCH', `/api/cart/items/${lineA2}`, { body: { quantity: 3 } }), params({ lineId: lineA2 }));
    const del = await cartLineRoute.DELETE(apiRequest('DELETE', `/api/cart/items/${lineA2}`), params({ lineId: lineA2 }));
    expect([patch.status, del.status]).toEqual([404, 404]);

    requestContext.user = testUser(a);
    expect((await json<CartJson>(await getCart())).items[0]).toMatchObject({ lineId: lineA2, quantity: 1 });
  });
});
