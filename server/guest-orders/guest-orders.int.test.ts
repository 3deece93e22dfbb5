import { beforeEach, describe, expect, it, vi } from 'vitest';
import { guestCheckoutBody, orderCount, putProduct, stockOf, uniqueId } from '../checkout/test-support/fixtures';
import { apiRequest, params, requestContext, resetRequestContext, testUser } from '../checkout/test-support/request-context';
import { from, jsonRequest, testAddress, uniqueEmail } from '../identity/testing/auth-requests';

// Guest checkout and guest order access against the real local stack, through the route handlers: cookies() and
// the session are pointed at an in-memory request context (as in checkout.int.test.ts).
vi.mock('next/headers', async () => (await import('../checkout/test-support/request-context')).nextHeadersOnContext());
vi.mock('@/server/identity', async (importOriginal) =>
  (await import('../checkout/test-support/request-context')).identityOnContext(await importOriginal<typeof import('@/server/identity')>()),
);

const cartItemsRoute = await import('@/app/api/cart/items/route');
const checkoutRoute = await import('@/app/api/checkout/route');
const ordersRoute = await import('@/app/api/orders/route');
const orderRoute = await import('@/app/api/orders/[id]/route');
const cancelRoute = await import('@/app/api/orders/[id]/cancel/route');
const eventsRoute = await import('@/app/api/orders/[id]/events/route');
const returnsRoute = await import('@/app/api/orders/[id]/returns/route');
const lookupRoute = await import('@/app/api/orders/lookup/route');
const signUpRoute = await import('@/app/api/auth/sign-up/route');
const signInRoute = await import('@/app/api/auth/sign-in/route');
const { signGuestOrderLinkToken } = await import('./guest-order-link');
const { guestOrderLink } = await import('./index');
const { acceptOrder, claimGuestOrders, deliverOrder, findOrderForOperations, guestOrderOwner, searchOrders, shipOrder } = await import('@/server/orders');
const { getConfig } = await import('@/server/platform/config');

type OrderJson = { id: string; status: string; email: string; total: { amount: number } };

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

const addItem = (body: unknown) => cartItemsRoute.POST(apiRequest('POST', '/api/cart/items', { body }), undefined);
const checkout = (body: unknown, key: string) =>
  checkoutRoute.POST(apiRequest('POST', '/api/checkout', { body, headers: { 'idempotency-key': key } }), undefined);
const readOrder = (id: string, query = '') => orderRoute.GET(apiRequest('GET', `/api/orders/${id}${query}`), params({ id }));
const cancel = (id: string, origin?: string) => cancelRoute.POST(apiRequest('POST', `/api/orders/${id}/cancel`, { origin }), params({ id }));
const lookup = (body: unknown, address: string, origin?: string) =>
  lookupRoute.POST(apiRequest('POST', '/api/orders/lookup', { body, headers: from(address), origin }), undefined);

/** Cookies of one browser: swap them in and out of the request context. */
function browser(): Map<string, string> {
  return new Map(requestContext.cookies);
}
function use(jar: Map<string, string>): void {
  requestContext.cookies.clear();
  for (const [k, v] of jar) requestContext.cookies.set(k, v);
}

/** A fresh guest browser that buys one unit of a fresh product as `email`. */
async function guestBuys(email: string, opts: { price?: number; stock?: number } = {}) {
  resetRequestContext();
  const p = await putProduct({ variants: [{ id: 'v', price: opts.price ?? 2_500, stock: opts.stock ?? 5 }] });
  expect((await addItem({ productId: p.id, variantId: 'v', quantity: 1 })).status).toBe(200);
  const key = crypto.randomUUID();
  const res = await checkout(guestCheckoutBody(email), key);
  expect(res.status).toBe(201);
  const { order } = await json<{ order: OrderJson }>(res);
  return { order, product: p, key, jar: browser() };
}

beforeEach(() => resetRequestContext());

describe('guest checkout', () => {
  it('places the order without a session, prices and takes stock as for shoppers, and sets an httpOnly order cookie', async () => {
    const email = uniqueEmail('guest');
    const { order, product } = await guestBuys(` ${email.toUpperCase()} `, { price: 2_500 });
    expect(order).toMatchObject({ status: 'PLACED', email });
    expect(order.total.amount).toBe(2_500 + 599 + Math.round((2_500 * 725) / 10_000));
    expect(await stockOf(product.id, 'v')).toBe(4);
    expect(requestContext.cookieOptions.get('sf_guest_orders')).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' });
    // Stored under the email's guest partition, never under a shopper's.
    expect(await orderCount(guestOrderOwner(email))).toBe(1);
    const read = await readOrder(order.id);
    expect(read.status).toBe(200);
    expect((await json<{ order: OrderJson }>(read)).order.id).toBe(order.id);
  });

  it('requires a valid email from a guest, and writes nothing without one', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 3 }] });
    await addItem({ productId: p.id, variantId: 'v', quantity: 1 });
    for (const email of [undefined, '', 'not-an-email']) {
      const res = await checkout(guestCheckoutBody(email as string), crypto.randomUUID());
      expect(res.status).toBe(400);
      const body = await json<{ error: { code: string; details: { path: string }[] } }>(res);
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.details.map((d) => d.path)).toContain('email');
    }
    expect(await stockOf(p.id, 'v')).toBe(3);
    expect(requestContext.cookies.has('sf_guest_orders')).toBe(false);
  });

  it('refuses a cross-origin guest checkout and lookup with 403', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 3 }] });
    await addItem({ productId: p.id, variantId: 'v', quantity: 1 });
    const res = await checkoutRoute.POST(
      apiRequest('POST', '/api/checkout', {
        body: guestCheckoutBody(uniqueEmail()),
        headers: { 'idempotency-key': crypto.randomUUID() },
        origin: 'https://evil.example',
      }),
      undefined,
    );
    expect(res.status).toBe(403);
    expect((await lookup({ email: uniqueEmail(), orderId: 'ord_x' }, testAddress(), 'https://evil.example')).status).toBe(403);
    expect(await stockOf(p.id, 'v')).toBe(3);
  });

  it('is idempotent per guest: the same key replays, another body is 409, and two guests with one key never collide', async () => {
    const email = uniqueEmail('guest');
    const first = await guestBuys(email);
    use(first.jar);
    const again = await checkout(guestCheckoutBody(email), first.key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await json<{ order: OrderJson }>(again)).order.id).toBe(first.order.id);
    // The email decides where the order lives, so it is part of what a replay must repeat.
    expect((await checkout(guestCheckoutBody(uniqueEmail('other')), first.key)).status).toBe(409);
    expect(await stockOf(first.product.id, 'v')).toBe(4);

    // Another guest (another cart), the same Idempotency-Key and even the same email: their own order.
    resetRequestContext();
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 3 }] });
    await addItem({ productId: p.id, variantId: 'v', quantity: 1 });
    const second = await checkout(guestCheckoutBody(email), first.key);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect((await json<{ order: OrderJson }>(second)).order.id).not.toBe(first.order.id);
    expect(await orderCount(guestOrderOwner(email))).toBe(2);
  });
});

describe('guest order access', () => {
  it('reads and cancels by the cookie; another guest, a tampered cookie and a shopper session get 404', async () => {
    const a = await guestBuys(uniqueEmail('a'));
    const b = await guestBuys(uniqueEmail('b'));
    // Both orders coexist in one browser once it has both grants (a lookup adds to the cookie).
    use(a.jar);
    expect((await readOrder(a.order.id)).status).toBe(200);
    expect((await readOrder(b.order.id)).status).toBe(404);
    expect((await cancel(b.order.id)).status).toBe(404);
    expect((await eventsRoute.GET(apiRequest('GET', `/api/orders/${b.order.id}/events`), params({ id: b.order.id }))).status).toBe(404);

    use(new Map([['sf_guest_orders', `${a.jar.get('sf_guest_orders')?.slice(0, -2)}xx`]]));
    expect((await readOrder(a.order.id)).status).toBe(404);

    resetRequestContext();
    expect((await readOrder(a.order.id)).status).toBe(401);
    requestContext.user = testUser(uniqueId('user'));
    expect((await readOrder(a.order.id)).status).toBe(404);
    expect((await cancel(a.order.id)).status).toBe(404);
    const shopperList = await json<{ items: { id: string }[] }>(await ordersRoute.GET(apiRequest('GET', '/api/orders'), undefined));
    expect(shopperList.items).toEqual([]);

    // The guest cancels their own order: restocked; a cross-origin cancel is 403 first.
    resetRequestContext();
    use(a.jar);
    expect((await cancel(a.order.id, 'https://evil.example')).status).toBe(403);
    const cancelled = await cancel(a.order.id);
    expect(cancelled.status).toBe(200);
    expect((await json<{ order: OrderJson }>(cancelled)).order.status).toBe('CANCELLED');
    expect(await stockOf(a.product.id, 'v')).toBe(5);
  });

  it('reads by the signed email link only: not another order, not tampered, not expired, and never cancels', async () => {
    const a = await guestBuys(uniqueEmail('link'));
    const b = await guestBuys(uniqueEmail('link-other'));
    resetRequestContext();
    const link = new URL(await guestOrderLink({ orderId: a.order.id, owner: guestOrderOwner(a.order.email) }));
    expect(link.pathname).toBe(`/orders/${a.order.id}`);
    const token = link.searchParams.get('access') ?? '';
    const ok = await readOrder(a.order.id, `?access=${token}`);
    expect(ok.status).toBe(200);
    expect((await json<{ order: OrderJson }>(ok)).order.id).toBe(a.order.id);
    const events = await eventsRoute.GET(apiRequest('GET', `/api/orders/${a.order.id}/events?access=${token}`), params({ id: a.order.id }));
    expect(events.status).toBe(200);
    await events.body?.cancel();

    expect((await readOrder(b.order.id, `?access=${token}`)).status).toBe(404);
    const tampered = `${token.slice(0, -3)}${token.endsWith('A') ? 'B' : 'A'}aa`;
    expect((await readOrder(a.order.id, `?access=${tampered}`)).status).toBe(404);
    const secret = getConfig().SESSION_SECRET;
    const expired = await signGuestOrderLinkToken(
      { orderId: a.order.id, owner: guestOrderOwner(a.order.email) },
      secret,
      new Date(Date.now() - 31 * 86_400_000),
    );
    expect((await readOrder(a.order.id, `?access=${expired}`)).status).toBe(404);
    // Signed with another key (the same claims): worthless.
    const forged = await signGuestOrderLinkToken({ orderId: a.order.id, owner: guestOrderOwner(a.order.email) }, `${secret}-not-ours`);
    expect((await readOrder(a.order.id, `?access=${forged}`)).status).toBe(404);
    // The link reads; cancelling takes the cookie.
    expect((await cancelRoute.POST(apiRequest('POST', `/api/orders/${a.order.id}/cancel?access=${token}`), params({ id: a.order.id }))).status).toBe(401);
  });

  it('returns through the signed email link alone (no cookie, no session), by the order number too; never another order', async () => {
    const a = await guestBuys(uniqueEmail('return'));
    const b = await guestBuys(uniqueEmail('return-other'));
    const owner = guestOrderOwner(a.order.email);
    await acceptOrder(owner, a.order.id);
    await shipOrder(owner, a.order.id, {
      carrier: 'UPS Ground',
      trackingNumber: '1ZGUEST',
      shippedAt: new Date().toISOString(),
      estimatedDelivery: '2026-12-09',
    });
    await deliverOrder(owner, a.order.id);
    resetRequestContext();
    const token = new URL(await guestOrderLink({ orderId: a.order.id, owner })).searchParams.get('access') ?? '';
    const body = { lines: [{ variantId: 'v', quantity: 1 }], reason: 'Changed my mind' };
    const ask = (id: string, query: string) => returnsRoute.POST(apiRequest('POST', `/api/orders/${id}/returns${query}`, { body }), params({ id }));
    // Nothing at all: 401 as before; another order's link: the same 404 as an order that does not exist.
    expect((await ask(a.order.id, '')).status).toBe(401);
    expect((await ask(b.order.id, `?access=${token}`)).status).toBe(404);
    const number = (await json<{ order: { number: string } }>(await readOrder(a.order.id, `?access=${token}`))).order.number;
    const res = await ask(number, `?access=${token}`);
    expect(res.status).toBe(201);
    const { order } = await json<{ order: { status: string; returnRequest: { number: string } } }>(res);
    expect(order).toMatchObject({ status: 'RETURN_REQUESTED', returnRequest: { number: `${number}-R1` } });
  });

  it('looks up by email and order id with one 404 for a wrong email or id, and sets the cookie', async () => {
    const email = uniqueEmail('lookup');
    const { order } = await guestBuys(email);
    resetRequestContext();
    const address = testAddress();
    const wrongEmail = await lookup({ email: uniqueEmail('nobody'), orderId: order.id }, address);
    const wrongId = await lookup({ email, orderId: `${order.id.slice(0, -1)}Z` }, address);
    const malformed = await lookup({ email, orderId: 'nonsense' }, address);
    for (const res of [wrongEmail, wrongId, malformed]) expect(res.status).toBe(404);
    const bodies = await Promise.all([wrongEmail, wrongId, malformed].map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0] ?? '{}').error.code).toBe('NOT_FOUND');
    expect(requestContext.cookies.has('sf_guest_orders')).toBe(false);

    const found = await lookup({ email: email.toUpperCase(), orderId: order.id }, address);
    expect(found.status).toBe(200);
    expect((await json<{ order: OrderJson }>(found)).order.id).toBe(order.id);
    expect((await readOrder(order.id)).status).toBe(200);
  });

  it('rate limits lookups per address (429 with Retry-After), also for the right answer once the window is spent', async () => {
    const email = uniqueEmail('limit');
    const { order } = await guestBuys(email);
    resetRequestContext();
    const address = testAddress();
    for (let i = 0; i < 10; i++) expect((await lookup({ email: uniqueEmail('guess'), orderId: order.id }, address)).status).toBe(404);
    const limited = await lookup({ email, orderId: order.id }, address);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not held back by this one's guesses (the per-order window has room left).
    expect((await lookup({ email, orderId: order.id }, testAddress())).status).toBe(200);
  });
});

describe('claiming guest orders', () => {
  it('moves the email’s guest orders into the account once, keeping reads by id, the cookie and the lifecycle', async () => {
    const email = uniqueEmail('claim');
    const first = await guestBuys(email);
    const second = await guestBuys(email);
    const other = await guestBuys(uniqueEmail('someone-else'));
    const userId = uniqueId('user');

    const claimed = await claimGuestOrders(userId, email);
    expect(claimed.sort()).toEqual([first.order.id, second.order.id].sort());
    expect(await claimGuestOrders(userId, email)).toEqual([]);

    requestContext.user = { ...testUser(userId), email };
    const list = await json<{ items: { id: string }[] }>(await ordersRoute.GET(apiRequest('GET', '/api/orders'), undefined));
    expect(list.items.map((o) => o.id).sort()).toEqual([first.order.id, second.order.id].sort());
    expect(list.items.map((o) => o.id)).not.toContain(other.order.id);
    expect(await orderCount(userId)).toBe(2);

    // Readers holding the guest key (the warehouse's queued message, the guest's cookie) still reach the order.
    const accepted = await acceptOrder(guestOrderOwner(email), first.order.id);
    expect(accepted.status).toBe('PROCESSING');
    requestContext.user = { ...testUser(userId), email };
    const mine = await json<{ order: OrderJson }>(await readOrder(first.order.id));
    expect(mine.order.status).toBe('PROCESSING');
    resetRequestContext();
    use(first.jar);
    expect((await json<{ order: OrderJson }>(await readOrder(first.order.id))).order.status).toBe('PROCESSING');
    // By id alone (operations, the warehouse), whichever entry of the byOrderId index answers.
    expect((await findOrderForOperations(first.order.id))?.status).toBe('PROCESSING');
    // Operations search lists it once, without the marker left behind.
    const search = await searchOrders({ q: first.order.id, limit: 10 });
    expect(search.items.map((o) => o.id)).toEqual([first.order.id]);
  });

  it('claims at the sign-in that follows a sign-up with that email (cognito-local), and only once', async () => {
    const email = uniqueEmail('signup');
    const first = await guestBuys(email);
    resetRequestContext();
    const password = 'Guest-claim-42';
    const signedUp = await signUpRoute.POST(jsonRequest('/api/auth/sign-up', { email, password, name: 'Gil Guest' }), {});
    expect(signedUp.status, await signedUp.clone().text()).toBe(201);
    const signedIn = await signInRoute.POST(jsonRequest('/api/auth/sign-in', { email, password }), {});
    expect(signedIn.status).toBe(200);
    const { user } = await json<{ user: { id: string; email: string } }>(signedIn);
    requestContext.user = { ...testUser(user.id), email: user.email };
    const listed = async () =>
      (await json<{ items: { id: string }[] }>(await ordersRoute.GET(apiRequest('GET', '/api/orders'), undefined))).items.map((o) => o.id);
    expect(await listed()).toEqual([first.order.id]);
    // Another sign-in claims nothing more; a later guest order with the email joins at the next one.
    const second = await guestBuys(email);
    resetRequestContext();
    expect((await signInRoute.POST(jsonRequest('/api/auth/sign-in', { email, password }), {})).status).toBe(200);
    requestContext.user = { ...testUser(user.id), email: user.email };
    expect((await listed()).sort()).toEqual([first.order.id, second.order.id].sort());
    expect(await orderCount(user.id)).toBe(2);
  });
});
