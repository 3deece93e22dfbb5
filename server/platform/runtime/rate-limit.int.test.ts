import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeRedis, waitForRedis } from '../cache';
import { rateLimit } from './rate-limit';

// The Redis path against the test stack's redis-server: the window lives in Redis, so every instance shares it.

afterAll(async () => {
  await closeRedis();
});

describe.skipIf(!process.env.REDIS_URL)('rate limits in Redis', () => {
  it('keeps the window in Redis, with the window as its expiry', async () => {
    const redis = (await waitForRedis(3000))!;
    expect(redis).not.toBeNull();
    const name = `test-${randomUUID()}`;
    const limit = rateLimit(name, { points: 2, durationSeconds: 45 });
    await limit.take('k');
    await limit.take('k');
    expect(await redis.get(`sf:rl:${name}:k`)).toBe('2');
    const ttl = await redis.ttl(`sf:rl:${name}:k`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(45);
    // What another instance would see: the Redis count, not its own memory.
    await redis.set(`sf:rl:${name}:other`, '2', 'EX', 45);
    expect((await limit.take('other')).allowed).toBe(false);
  });
});
