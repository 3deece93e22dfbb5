import { beforeEach, describe, expect, it, vi } from 'vitest';
import { guestCheckoutBody, putProduct } from '@/server/checkout/test-support/fixtures';
import { apiRequest, params, requestContext, resetRequestContext } from '@/server/checkout/test-support/request-context';
import { from, testAddress, uniqueEmail } from '@/server/identity/testing/auth-requests';

// Issue 30 M2 / issue 25 item 4: live order status streams are capped (3 per order, 10 per client address, 429
// beyond), share one DynamoDB reader per order per process, and end by themselves. Measured before the fix: one
// anonymous client held 600–800 streams open on one guest order link and slowed every other shopper's requests
// tenfold. Counts are asserted; the other shopper's timings are only logged (the bench report has them).
vi.mock('next/headers', async () => (await import('@/server/checkout/test-support/request-context')).nextHeadersOnContext());
vi.mock('@/server/identity', async (importOriginal) =>
  (await import('@/server/checkout/test-support/request-context')).identityOnContext(await importOriginal<typeof import('@/server/identity')>()),
);

const cartRoute = await import('@/app/api/cart/route');
const cartItemsRoute = await import('@/app/api/cart/items/route');
const checkoutRoute = await import('@/app/api/checkout/route');
const cancelRoute = await import('@/app/api/orders/[id]/cancel/route');
const eventsRoute = await import('@/app/api/orders/[id]/events/route');
const { guestOrderLink } = await import('@/server/guest-orders');
const { guestOrderOwner, orderStatusReaders } = await import('@/server/orders');

async function guestOrder(): Promise<{ id: string; access: string; jar: Map<string, string> }> {
  resetRequestContext();
  const p = await putProduct({ variants: [{ id: 'v', price: 1_500, stock: 5 }] });
  await cartItemsRoute.POST(apiRequest('POST', '/api/cart/items', { body: { productId: p.id, variantId: 'v', quantity: 1 } }), undefined);
  const email = uniqueEmail('streams');
  const res = await checkoutRoute.POST(
    apiRequest('POST', '/api/checkout', { body: guestCheckoutBody(email), headers: { 'idempotency-key': crypto.randomUUID() } }),
    undefined,
  );
  expect(res.status).toBe(201);
  const { order } = (await res.json()) as { order: { id: string; email: string } };
  const link = new URL(await guestOrderLink({ orderId: order.id, owner: guestOrderOwner(order.email) }));
  return { id: order.id, access: link.searchParams.get('access')!, jar: new Map(requestContext.cookies) };
}

const openStream = (id: string, access: string, address: string) =>
  eventsRoute.GET(apiRequest('GET', `/api/orders/${id}/events?access=${encodeURIComponent(access)}`, { headers: from(address) }), params({ id }));

async function closeAll(responses: Response[]): Promise<void> {
  await Promise.all(responses.map((r) => r.body?.cancel().catch(() => undefined)));
  // The streams' finally blocks give their leases back once the watch sees the abort.
  await new Promise((r) => setTimeout(r, 200));
}

beforeEach(() => resetRequestContext());

describe('live order status streams', () => {
  it('600 concurrent streams from one client: 3 open, the rest 429, and another shopper is still served', async () => {
    const order = await guestOrder();
    const attacker = testAddress();
    // Another shopper: their own cart, their own address.
    resetRequestContext();
    const shopper = testAddress();
    const cart = () => cartRoute.GET(apiRequest('GET', '/api/cart', { headers: from(shopper) }), undefined);
    const idle: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      expect((await cart()).status).toBe(200);
      idle.push(performance.now() - t);
    }

    const streams = Promise.all(Array.from({ length: 600 }, () => openStream(order.id, order.access, attacker)));
    const during: number[] = [];
    const cartStatuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      cartStatuses.push((await cart()).status);
      during.push(performance.now() - t);
    }
    const responses = await streams;
    const counts = new Map<number, number>();
    for (const r of responses) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.info(
      `order-status-streams: ${JSON.stringify(Object.fromEntries(counts))}; GET /api/cart p50 idle ${p50(idle).toFixed(1)} ms, during ${p50(during).toFixed(1)} ms`,
    );
    try {
      expect(counts.get(200)).toBe(3);
      expect(counts.get(429)).toBe(597);
      expect(cartStatuses.every((s) => s === 200)).toBe(true);
      const refused = responses.find((r) => r.status === 429)!;
      expect(refused.headers.get('retry-after')).toBeTruthy();
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
      // One DynamoDB reader serves the three open streams.
      expect(orderStatusReaders()).toBe(1);
    } finally {
      await closeAll(responses.filter((r) => r.status === 200));
    }
    // Closed streams give their places back.
    const again = await openStream(order.id, order.access, attacker);
    expect(again.status).toBe(200);
    await closeAll([again]);
  }, 120_000);

  it('caps one client at 10 streams across orders', async () => {
    const orders = [];
    for (let i = 0; i < 4; i++) orders.push(await guestOrder());
    const client = testAddress();
    const responses = await Promise.all(orders.flatMap((o) => [0, 1, 2].map(() => openStream(o.id, o.access, client))));
    try {
      expect(responses.filter((r) => r.status === 200)).toHaveLength(10);
      expect(responses.filter((r) => r.status === 429)).toHaveLength(2);
    } finally {
      await closeAll(responses.filter((r) => r.status === 200));
    }
  }, 60_000);

  it('answers a terminal status once and ends the stream', async () => {
    const order = await guestOrder();
    resetRequestContext();
    for (const [k, v] of order.jar) requestContext.cookies.set(k, v);
    expect((await cancelRoute.POST(apiRequest('POST', `/api/orders/${order.id}/cancel`), params({ id: order.id }))).status).toBe(200);
    const t = performance.now();
    const res = await openStream(order.id, order.access, testAddress());
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(performance.now() - t).toBeLessThan(5_000);
    expect(text.match(/event: status/g)).toHaveLength(1);
    expect(text).toContain('"status":"CANCELLED"');
  });
});
