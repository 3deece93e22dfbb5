import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addCartItem } from '@/server/cart';
import { placeOrder } from '@/server/checkout';
import { checkoutBody, putProduct, uniqueId } from '@/server/checkout/test-support/fixtures';
import { apiRequest, requestContext, resetRequestContext, testUser } from '@/server/checkout/test-support/request-context';
import { acceptOrder, shipOrder } from '@/server/orders';
import { rebuildSearchIndex } from '@/server/search';

// POST /api/assistant on the local stack with the local parser (no Lex configured): order questions see only the
// caller's own orders, product searches go through the search index, store questions through the gazetteer.

vi.mock('next/headers', async () => {
  const { cookieStore } = await import('@/server/checkout/test-support/request-context');
  return { cookies: async () => cookieStore() };
});
vi.mock('@/server/flags', () => ({ isEnabled: async () => true }));
vi.mock('@/server/identity', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/server/identity')>();
  const { requestContext: ctx } = await import('@/server/checkout/test-support/request-context');
  return { ...actual, getSessionUserFromRequest: async () => ctx.user };
});

const { POST } = await import('@/app/api/assistant/route');

type Reply = {
  reply: string;
  intent: string;
  sessionId: string;
  source: string;
  orders?: { id: string }[];
  products?: { id: string; name: string; price: { amount: number } }[];
  stores?: { id: string; distanceKm: number }[];
};
const ask = async (text: string, origin?: string) => {
  const res = await POST(apiRequest('POST', '/api/assistant', { body: { text }, origin }), undefined);
  return { status: res.status, body: (await res.json()) as Reply };
};

async function orderFor(userId: string, name: string): Promise<string> {
  const p = await putProduct({ name, variants: [{ id: 'one', price: 3_000, stock: 10 }] });
  await addCartItem({ kind: 'user', userId }, { productId: p.id, variantId: 'one', quantity: 1 });
  return (await placeOrder({ userId, idempotencyKey: crypto.randomUUID(), body: checkoutBody() })).order.id;
}

beforeEach(() => resetRequestContext());

describe('assistant order status', () => {
  it("answers with the signed-in shopper's own orders only", async () => {
    const me = uniqueId('me');
    const other = uniqueId('other');
    const mine = await orderFor(me, 'My Trail Lantern');
    const theirs = await orderFor(other, 'Their Camp Stove');

    requestContext.user = testUser(me);
    const { status, body } = await ask('Where is my order?');
    expect(status).toBe(200);
    expect(body).toMatchObject({ intent: 'OrderStatus', source: 'local' });
    expect(body.orders?.map((o) => o.id)).toEqual([mine]);
    expect(body.reply).toContain('My Trail Lantern');
    expect(body.reply).toContain('placed');

    const probe = await ask(`where is order ${theirs}`);
    expect(probe.body.orders).toEqual([]);
    expect(probe.body.reply).toContain('could not find');
  });

  it('tells the live status, and once shipped the carrier, tracking number and estimate', async () => {
    const me = uniqueId('me');
    const id = await orderFor(me, 'Tracked Day Pack');
    requestContext.user = testUser(me);
    expect((await ask('Where is my order?')).body.reply).toContain('is placed');

    await acceptOrder(me, id);
    const shipment = { carrier: 'UPS Ground', trackingNumber: `1ZASSIST${id.slice(-6)}`, shippedAt: new Date().toISOString(), estimatedDelivery: '2026-12-09' };
    await shipOrder(me, id, shipment);

    const latest = await ask('Where is my order?');
    expect(latest.body.reply).toContain(`is shipped with UPS Ground, tracking number ${shipment.trackingNumber}, estimated delivery December 9, 2026`);
    expect(latest.body.orders?.[0]).toMatchObject({ id, status: 'SHIPPED' });
    const named = await ask(`where is order ${id}`);
    expect(named.body.reply).toContain(shipment.trackingNumber);
  });

  it('asks a signed-out visitor to sign in', async () => {
    const { body } = await ask('where is my package');
    expect(body).toMatchObject({ intent: 'OrderStatus' });
    expect(body.orders).toBeUndefined();
    expect(body.reply).toMatch(/sign in/i);
  });

  it('refuses a foreign origin and bad bodies', async () => {
    expect((await ask('hi', 'https://evil.example')).status).toBe(403);
    const res = await POST(apiRequest('POST', '/api/assistant', { body: { text: '' } }), undefined);
    expect(res.status).toBe(400);
  });
});

describe('assistant product search and stores', () => {
  it('finds red running shoes under $80 in stock', async () => {
    const shoe = await putProduct({
      name: 'Assistant Test Runner',
      variants: [{ id: 'red-9', price: 7_500, stock: 4, options: { size: '9', colour: 'Red' } }],
    });
    const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
    const { dynamoDoc } = await import('@/server/platform/aws/clients');
    const { tableName } = await import('@/server/platform/db/tables');
    await dynamoDoc().send(new PutCommand({ TableName: tableName('products'), Item: { ...shoe, category: 'running-shoes' } }));
    await rebuildSearchIndex();

    const { body } = await ask('find red running shoes under $80');
    expect(body.intent).toBe('ProductSearch');
    expect(body.products?.map((p) => p.id)).toContain(shoe.id);
    expect(body.products?.every((p) => p.price.amount <= 8_000)).toBe(true);
  });

  it('finds stores near Seattle', async () => {
    const { body } = await ask('stores near Seattle');
    expect(body).toMatchObject({ intent: 'StoreFinder' });
    expect(body.stores?.[0]?.id).toBe('sea-downtown');
    expect(body.reply).toContain('Seattle');
  });
});
