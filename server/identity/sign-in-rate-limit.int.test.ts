import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeRedis, waitForRedis } from '../cache';
import { AppError } from '../errors';
import { createSignInRateLimiter, RedisCounterStore } from './sign-in-rate-limit';

// The Redis windows against the test stack's redis-server: shared counters with the window as TTL.

afterAll(async () => {
  await closeRedis();
});

// Skipped only where the stack found no redis-server (it then runs without Redis, and so does the limiter).
describe.skipIf(!process.env.REDIS_URL)('sign-in rate limits in Redis', () => {
  it('counts inside one window whose TTL is the window length', async () => {
    const redis = (await waitForRedis(3000))!;
    expect(redis).not.toBeNull();
    const store = new RedisCounterStore(redis);
    const key = `sf:rl:test:${randomUUID()}`;
    expect(await store.increment(key, 30)).toEqual({ count: 1, resetInSeconds: 30 });
    const second = await store.increment(key, 30);
    expect(second.count).toBe(2);
    expect(second.resetInSeconds).toBeLessThanOrEqual(30);
    expect(await redis.ttl(key)).toBeGreaterThan(0);
    await store.reset(key);
    expect(await redis.exists(key)).toBe(0);
  });

  it('refuses the attempt after the limit with 429 and Retry-After, shared by every limiter on the same Redis', async () => {
    const redis = (await waitForRedis(3000))!;
    expect(redis).not.toBeNull();
    const limits = { perAccount: { max: 2, windowSeconds: 45 }, perIp: { max: 100, windowSeconds: 45 } };
    const email = `${randomUUID()}@example.com`;
    // Two "instances": their counts add up because the window lives in Redis.
    const a = createSignInRateLimiter({ limits, store: new RedisCounterStore(redis) });
    const b = createSignInRateLimiter({ limits, store: new RedisCounterStore(redis) });
    await a.beforeAttempt({ email, ip: null });
    await b.beforeAttempt({ email, ip: null });
    const err = await a.beforeAttempt({ email, ip: null }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(429);
    expect(Number((err as AppError).headers?.['Retry-After'])).toBeGreaterThan(40);
  });
});
