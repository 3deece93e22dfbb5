import { randomBytes } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ProductRecord } from '../catalog/contract';
import { dynamoDoc } from '../platform/aws/clients';
import { getRedis } from '../platform/cache';
import { listAllKey, statusShardKey, tableName } from '../platform/db/tables';
import { LEADERBOARD_KEY } from './keys';
import { readSoldCounters } from './sold-counters';

// Shared by the leaderboard and orders-stream integration tests: products and orders as the catalog importer and
// checkout write them, and the two places a count can be read back from.

export function runId(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

export async function putProduct(id: string, name = `Leaderboard test ${id}`): Promise<void> {
  const record: ProductRecord = {
    id,
    slug: id,
    name,
    category: 'leaderboard-test',
    brand: 'Test',
    description: 'A product for leaderboard tests.',
    images: [`/images/${id}.jpg`],
    variants: [{ id: `${id}-v1`, options: { size: 'M' }, price: 1999 }],
    stock: { [`${id}-v1`]: 100 },
    currency: 'USD',
    minPrice: 1999,
    rating: 4.5,
    reviewCount: 3,
    ratingSort: 4_500_003,
    featuredRank: 999_999,
    createdAt: '2026-01-01T00:00:00.000Z',
    listAll: listAllKey(id),
    tags: [],
  };
  await dynamoDoc().send(new PutCommand({ TableName: tableName('products'), Item: record }));
}

export type TestOrder = {
  userId: string;
  orderId: string;
  status: string;
  statusShard: string;
  createdAt: string;
  items: { productId: string; variantId: string; quantity: number }[];
};

export function makeOrder(userId: string, lines: [productId: string, quantity: number][], status = 'PLACED'): TestOrder {
  const orderId = `ord_${Date.now().toString(36).padStart(9, '0')}${randomBytes(6).toString('hex').slice(0, 8)}`;
  return {
    userId,
    orderId,
    status,
    statusShard: statusShardKey(status, orderId),
    createdAt: new Date().toISOString(),
    items: lines.map(([productId, quantity], i) => ({ productId, variantId: `${productId}-v${i}`, quantity })),
  };
}

export async function putOrder(order: TestOrder): Promise<void> {
  await dynamoDoc().send(new PutCommand({ TableName: tableName('orders'), Item: order, ConditionExpression: 'attribute_not_exists(orderId)' }));
}

export async function dynamoCounts(productIds: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const c of await readSoldCounters(productIds)) out[c.productId] = c.sold;
  return out;
}

export async function redisCounts(productIds: string[]): Promise<Record<string, number>> {
  const redis = getRedis();
  if (!redis) throw new Error('Redis is not connected');
  const out: Record<string, number> = {};
  for (const id of productIds) {
    const score = await redis.zscore(LEADERBOARD_KEY, id);
    if (score !== null) out[id] = Number(score);
  }
  return out;
}

/** Polls `check` until it stops throwing (an expect inside), or rethrows its last error at the deadline. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}
