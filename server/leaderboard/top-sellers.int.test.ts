import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/top-sellers/route';
import { resetAwsClientsForTests } from '../platform/aws/clients';
import { closeRedis, getRedis, waitForRedis } from '../platform/cache';
import { resetConfigForTests } from '../platform/config';
import type { TopSellersResult } from './contract';
import { countPlacedOrders } from './count-placed-orders';
import { getTopSellers, topSellersForHome } from './get-top-sellers';
import { LEADERBOARD_BUILT_KEY, LEADERBOARD_KEY } from './keys';
import { clearLeaderboardMemo } from './memo';
import { readRankingWindow } from './ranking';
import { healLeaderboardIfNeeded, rebuildLeaderboardFromDynamo } from './rebuild';
import { readDirtyVersion } from './redis-dirty-flag';
import { eventually, makeOrder, putProduct, redisCounts, runId } from './test-fixtures';

// Reading top sellers against DynamoDB Local and Redis: the Redis ranking and the DynamoDB fallback agree,
// Redis outages and empty restarts are survived, and the JSON route follows the API contract.

const closedPort = 'redis://127.0.0.1:1';

async function redisDown(): Promise<void> {
  process.env.REDIS_URL = closedPort;
  await closeRedis();
}

async function redisUp(url: string): Promise<void> {
  process.env.REDIS_URL = url;
  await closeRedis();
  if (!(await waitForRedis(3000))) throw new Error('Redis did not come back');
}

async function fresh(limit = 100): Promise<TopSellersResult> {
  clearLeaderboardMemo();
  return getTopSellers(limit);
}

describe('top sellers', () => {
  const rid = runId();
  const user = `lb-read-${rid}`;
  const [p1, p2, p3, gone] = ['1', '2', '3', 'gone'].map((x) => `lb-${rid}-${x}`) as [string, string, string, string];
  const ours = (r: TopSellersResult) => r.items.filter((i) => i.id.startsWith(`lb-${rid}-`)).map((i) => [i.id, i.sold]);
  let redisUrl = '';

  beforeAll(async () => {
    if (!(await waitForRedis(3000))) throw new Error('integration setup did not provide Redis');
    redisUrl = process.env.REDIS_URL!;
    await Promise.all([p1, p2, p3].map((id) => putProduct(id)));
    // `gone` sold best but is no longer in the catalog.
    const orders = [
      makeOrder(user, [
        [p1, 5],
        [gone, 50],
      ]),
      makeOrder(user, [[p2, 3]]),
      makeOrder(user, [[p3, 3]]),
    ];
    await countPlacedOrders(orders);
    await rebuildLeaderboardFromDynamo();
  });
  afterEach(async () => {
    if (process.env.REDIS_URL !== redisUrl) await redisUp(redisUrl);
  });
  afterAll(async () => closeRedis());

  it('serves the ranking from Redis as product summaries with units sold, skipping products no longer sold', async () => {
    const result = await fresh();
    expect(result.source).toBe('redis');
    // Equal counts keep one fixed order (descending id), on either path.
    expect(ours(result)).toEqual([
      [p1, 5],
      [p3, 3],
      [p2, 3],
    ]);
    expect(result.items.find((i) => i.id === p1)).toEqual({
      id: p1,
      slug: p1,
      name: `Leaderboard test ${p1}`,
      category: 'leaderboard-test',
      price: { amount: 1999, currency: 'USD' },
      image: `/images/${p1}.jpg`,
      rating: 4.5,
      reviewCount: 3,
      sold: 5,
    });
  });

  it('falls back to DynamoDB with the same ranking when Redis is down, keeps counting, and is repaired when Redis returns', async () => {
    const fromRedis = await fresh();
    await redisDown();
    const fallback = await fresh();
    expect(fallback.source).toBe('dynamodb');
    expect(fallback.items).toEqual(fromRedis.items);

    const report = await countPlacedOrders([makeOrder(user, [[p2, 4]])]);
    expect(report.counted).toHaveLength(1);
    expect(report.redis).toBe('skipped');
    expect(await readDirtyVersion()).not.toBeNull();
    expect(ours(await fresh())).toEqual([
      [p2, 7],
      [p1, 5],
      [p3, 3],
    ]);

    await redisUp(redisUrl);
    expect(await redisCounts([p2])).toEqual({ [p2]: 3 }); // missed while down
    expect(await healLeaderboardIfNeeded()).toBe('rebuilt');
    expect(await readDirtyVersion()).toBeNull();
    expect(await redisCounts([p1, p2, p3])).toEqual({ [p1]: 5, [p2]: 7, [p3]: 3 });
    clearLeaderboardMemo();
    const [redisWindow, dynamoWindow] = [await readRankingWindow(0, 10_000), await readRankingWindow(0, 10_000, 'dynamodb')];
    expect(redisWindow.source).toBe('redis');
    // This suite's products, rebuilt alike in both stores; other suites' orders on the shared stack may be counted
    // into one store between the two reads.
    const mine = (w: typeof redisWindow) => w.entries.filter((e) => e.productId.startsWith(`lb-${rid}-`));
    expect(mine(redisWindow)).toEqual(mine(dynamoWindow));
    expect(mine(redisWindow).length).toBeGreaterThanOrEqual(3);
  });

  it('answers from DynamoDB while a Redis that restarted empty is refilled in the background', async () => {
    const before = await fresh();
    await getRedis()!.del(LEADERBOARD_KEY, LEADERBOARD_BUILT_KEY);
    const during = await fresh();
    expect(during.source).toBe('dynamodb');
    expect(during.items).toEqual(before.items);
    const after = await eventually(async () => {
      const r = await fresh();
      expect(r.source).toBe('redis');
      return r;
    });
    expect(after.items).toEqual(before.items);
  });

  it('keeps the home page rendering when neither Redis nor DynamoDB answers', async () => {
    const endpoint = process.env.DYNAMODB_ENDPOINT;
    await redisDown();
    process.env.DYNAMODB_ENDPOINT = 'http://127.0.0.1:1';
    resetConfigForTests();
    resetAwsClientsForTests();
    try {
      clearLeaderboardMemo();
      expect(await topSellersForHome()).toBeNull();
      clearLeaderboardMemo();
      const res = await GET(new Request('http://shop.test/api/top-sellers'), undefined);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: { code: 'UNAVAILABLE' } });
    } finally {
      process.env.DYNAMODB_ENDPOINT = endpoint;
      resetConfigForTests();
      resetAwsClientsForTests();
    }
  });

  describe('GET /api/top-sellers', () => {
    it('returns { items } of product summaries with sold, at most limit', async () => {
      clearLeaderboardMemo();
      const res = await GET(new Request('http://shop.test/api/top-sellers?limit=2'), undefined);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: { id: string; sold: number; price: unknown }[] };
      expect(Object.keys(body)).toEqual(['items']);
      expect(body.items.length).toBeLessThanOrEqual(2);
      expect(body.items.length).toBeGreaterThan(0);
      for (const item of body.items) expect(item).toMatchObject({ id: expect.any(String), sold: expect.any(Number), price: { currency: 'USD' } });
      expect(body.items[0]!.sold).toBeGreaterThanOrEqual(body.items.at(-1)!.sold);
    });

    it('refuses a limit outside 1–100 with a 400', async () => {
      for (const q of ['limit=0', 'limit=101', 'limit=abc', 'limit=2.5']) {
        const res = await GET(new Request(`http://shop.test/api/top-sellers?${q}`), undefined);
        expect(res.status, q).toBe(400);
        expect(await res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      }
    });
  });
});
