import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDoc } from '../platform/aws/clients';
import { STATUS_SHARDS, shardOf, statusShardKey, tableName } from '../platform/db/tables';
import { AppError } from '../platform/errors';
import type { OrderRecord, OrderStatus } from './contract';
import { listHeldOrders } from './held-orders';
import { newOrderId } from './order-id';
import { searchOrders } from './search-orders';

// The byStatus index sharded (ADR 0033): an order's key is `<status>#<n>`, so one status is STATUS_SHARDS partitions,
// and the console's lists merge them on the order id. Orders are written straight to DynamoDB Local: the listed ones
// with ids from a far-future clock (the newest in the table whatever else the suite placed), the held ones from a
// far-past clock (the oldest), and deleted afterwards so other suites' queues are as they left them.

const FUTURE = Date.UTC(2300, 0, 1);
const PAST = Date.UTC(1990, 0, 1);
const run = Date.now().toString(36);

function order(at: number, status: OrderStatus): OrderRecord {
  const orderId = newOrderId(at);
  return {
    userId: `status-shards-${run}`,
    orderId,
    status,
    statusShard: statusShardKey(status, orderId),
    email: `status-shards-${run}@example.com`,
    createdAt: new Date(at).toISOString(),
    items: [
      {
        productId: 'p',
        variantId: 'v',
        slug: 'p',
        name: 'Thing',
        options: {},
        image: '',
        unitPrice: { amount: 100, currency: 'USD' },
        quantity: 1,
        lineTotal: { amount: 100, currency: 'USD' },
      },
    ],
    subtotal: { amount: 100, currency: 'USD' },
    shipping: { amount: 0, currency: 'USD' },
    tax: { amount: 0, currency: 'USD' },
    total: { amount: 100, currency: 'USD' },
    payment: { brand: 'visa', last4: '4242', provider: 'sandbox', authorizationId: `auth-${orderId}` },
  } as unknown as OrderRecord;
}

// 40 processing and 12 shipped orders a minute apart, written in a shuffled order; 9 held ones.
const listed = Array.from({ length: 52 }, (_, i) => order(FUTURE + i * 60_000, i % 13 < 3 ? 'SHIPPED' : 'PROCESSING'));
const held = Array.from({ length: 9 }, (_, i) => order(PAST + i * 60_000, 'ON_HOLD'));
const written = [...listed, ...held].sort((a, b) => shardOf(a.orderId, 97) - shardOf(b.orderId, 97));

async function batch(requests: Record<string, unknown>[]) {
  for (let i = 0; i < requests.length; i += 25) {
    await dynamoDoc().send(new BatchWriteCommand({ RequestItems: { [tableName('orders')]: requests.slice(i, i + 25) as never } }));
  }
}

beforeAll(async () => batch(written.map((Item) => ({ PutRequest: { Item } }))));
afterAll(async () => batch(written.map((o) => ({ DeleteRequest: { Key: { userId: o.userId, orderId: o.orderId } } }))));

async function pageThrough(status: OrderStatus | undefined, limit: number) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await searchOrders({ ...(status ? { status } : {}), limit, ...(cursor ? { cursor } : {}) });
    pages.push(page.items.map((o) => o.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 500);
  return pages;
}

const newestFirst = (orders: OrderRecord[]) => orders.map((o) => o.orderId).sort((a, b) => (a < b ? 1 : -1));

describe('orders by status across the byStatus shards', () => {
  it('spreads one status over the shards', () => {
    const shards = new Set(listed.filter((o) => o.status === 'PROCESSING').map((o) => o.statusShard));
    expect(shards.size).toBeGreaterThan(STATUS_SHARDS / 2);
  });

  it('pages one status newest first: more than 2 pages, every order exactly once, in order', async () => {
    const pages = await pageThrough('PROCESSING', 6);
    const ids = pages.flat();
    expect(pages.length).toBeGreaterThan(2);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? 1 : -1)));
    const mine = newestFirst(listed.filter((o) => o.status === 'PROCESSING'));
    expect(ids.slice(0, mine.length)).toEqual(mine);
  });

  it('pages every status merged newest first, every order exactly once', async () => {
    const first = await pageThrough(undefined, 7);
    const ids = first.flat();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? 1 : -1)));
    expect(ids.slice(0, listed.length)).toEqual(newestFirst(listed));
  });

  it('lists held orders oldest first across the shards', async () => {
    const queue = await listHeldOrders(held.length);
    expect(queue.map((o) => o.id)).toEqual(newestFirst(held).reverse());
  });

  it('refuses a forged cursor with INVALID_CURSOR, not a DynamoDB error', async () => {
    const forged = Buffer.from(JSON.stringify({ b: 'ord_x' })).toString('base64url');
    await expect(searchOrders({ status: 'PROCESSING', limit: 5, cursor: forged })).rejects.toSatisfy(
      (e: unknown) => e instanceof AppError && e.code === 'INVALID_CURSOR',
    );
  });
});
