import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import handler from './next-cache-handler.mjs';
import { closeRedis, waitForRedis } from './redis-connection.mjs';

// With Redis, entries and tag expirations are shared between instances (simulated by dropping this
// process's in-memory layer) and between processes (simulated by writing the tag hash directly).
const memoryOf = () => (globalThis as unknown as Record<symbol, { memory: Map<string, unknown> }>)[Symbol.for('storefront.cache.entries')]!.memory;

function entry(text: string, tags: string[]) {
  return {
    value: new Response(text).body!,
    tags,
    stale: 60,
    timestamp: Date.now() - 10,
    expire: 3600,
    revalidate: 300,
  };
}

describe('next cache handler with Redis', () => {
  beforeAll(async () => {
    const redis = await waitForRedis(3000);
    if (!redis) throw new Error('integration setup did not provide REDIS_URL');
  });
  afterAll(async () => closeRedis());

  it('serves an entry another instance stored', async () => {
    const k = `int-${Date.now()}-a`;
    await handler.set(k, Promise.resolve(entry('shared', ['product:int-a'])));
    memoryOf().clear();
    const got = await handler.get(k, []);
    expect(got && (await new Response(got.value).text())).toBe('shared');
  });

  it('honours a tag expiry written by another process', async () => {
    const k = `int-${Date.now()}-b`;
    await handler.set(k, Promise.resolve(entry('stale soon', ['product:int-b'])));
    const redis = await waitForRedis();
    await redis!.hset('cache:tag-expirations', 'product:int-b', String(Date.now()));
    expect(await handler.get(k, [])).toBeUndefined();
  });
});
