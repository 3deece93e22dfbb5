import type { IncrementalCache } from '@opennextjs/aws/types/overrides';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import handler from '../../server/platform/cache/next-cache-handler.mjs';
import { closeRedis, waitForRedis } from '../../server/platform/cache/redis-connection.mjs';
import { expireTags } from '../../server/platform/cache/tag-store.mjs';
import { redisComposableCache, redisTagCache } from './redis-cache';

// The deployed server's cache (OpenNext overrides) and the local handler are one cache: an entry either writes is
// read by the other, under the same Redis key, and one tag expiry in Redis makes both miss.
const memoryOf = () => (globalThis as unknown as Record<symbol, { memory: Map<string, unknown> }>)[Symbol.for('storefront.cache.entries')]!.memory;

const untouched: IncrementalCache = {
  name: 'untouched',
  get: async () => {
    throw new Error('a composable entry reached the fallback cache');
  },
  set: async () => {
    throw new Error('a composable entry reached the fallback cache');
  },
  delete: async () => {},
};
const cache = redisComposableCache(async () => ({ default: untouched }));

describe('OpenNext overrides on Redis', () => {
  beforeAll(async () => {
    if (!(await waitForRedis(3000))) throw new Error('integration setup did not provide REDIS_URL');
  });
  afterAll(async () => closeRedis());

  it('reads what next-cache-handler wrote, and the handler reads what the override wrote', async () => {
    const a = `on-${Date.now()}-a`;
    await handler.set(
      a,
      Promise.resolve({
        value: new Response('from next start €').body!,
        tags: ['product:on-a'],
        stale: 60,
        timestamp: Date.now(),
        expire: 3600,
        revalidate: 300,
      }),
    );
    const got = await cache.get(a, 'composable');
    expect(got?.value?.value).toBe('from next start €');
    expect(got?.value?.tags).toEqual(['product:on-a']);

    const b = `on-${Date.now()}-b`;
    await cache.set(b, { value: 'from the Lambda', tags: ['product:on-b'], stale: 60, timestamp: Date.now(), expire: 3600, revalidate: 300 }, 'composable');
    memoryOf().clear();
    const local = await handler.get(b, []);
    expect(local && (await new Response(local.value).text())).toBe('from the Lambda');
  });

  it('a tag expired in Redis after the render began is a miss; one expired before is not', async () => {
    const made = Date.now() - 50;
    expect(await redisTagCache.hasBeenRevalidated(['product:on-c'], made)).toBe(false);
    await expireTags(['product:on-c']);
    expect(await redisTagCache.hasBeenRevalidated(['product:on-c'], made)).toBe(true);
    expect(await redisTagCache.hasBeenRevalidated(['product:on-c'], Date.now() + 5)).toBe(false);
    expect(await redisTagCache.getLastRevalidated(['product:on-c', 'product:none'])).toBeGreaterThan(made);
  });

  it('an older expiry arriving last (a retried batch) does not move a tag back', async () => {
    const now = Date.now();
    await expireTags(['product:on-d'], now);
    await expireTags(['product:on-d'], now - 10_000);
    const redis = await waitForRedis();
    expect(Number(await redis!.hget('cache:tag-expirations', 'product:on-d'))).toBe(now);
  });

  it('expireTags throws when Redis is configured but cannot take the write, so a stream batch fails', async () => {
    const url = process.env.REDIS_URL;
    await closeRedis();
    process.env.REDIS_URL = 'redis://127.0.0.1:1';
    try {
      await expect(expireTags(['product:on-e'])).rejects.toThrow(/did not reach Redis/);
    } finally {
      await closeRedis();
      process.env.REDIS_URL = url;
    }
  });
});
