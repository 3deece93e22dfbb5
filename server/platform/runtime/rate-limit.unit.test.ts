import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rateLimit, rateLimitMemo } from './rate-limit';

// The in-process path, which answers whenever Redis is absent (no REDIS_URL here). The Redis path is exercised against
// a real redis-server by the identity integration suites (server/identity/accounts.int.test.ts).

describe('rate limits without Redis', () => {
  it('allows the points of a window, then refuses with the seconds left', async () => {
    const limit = rateLimit(`test-${randomUUID()}`, { points: 3, durationSeconds: 60 });
    for (let i = 0; i < 3; i++) expect(await limit.take('k')).toEqual({ allowed: true });
    const refused = await limit.take('k');
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThan(55);
    expect((await limit.exhausted('k')).allowed).toBe(false);
    // Another key has its own window.
    expect(await limit.take('other')).toEqual({ allowed: true });
  });

  it('counts only what is not given back', async () => {
    const limit = rateLimit(`test-${randomUUID()}`, { points: 2, durationSeconds: 60 });
    for (let i = 0; i < 10; i++) {
      expect(await limit.take('k')).toEqual({ allowed: true });
      await limit.giveBack('k');
    }
    expect((await limit.exhausted('k')).allowed).toBe(true);
  });

  it('counts what a key has used, without taking any', async () => {
    const limit = rateLimit(`test-${randomUUID()}`, { points: 5, durationSeconds: 60 });
    expect(await limit.count('k')).toBe(0);
    await limit.take('k');
    await limit.take('k');
    expect(await limit.count('k')).toBe(2);
    expect(await limit.count('k')).toBe(2);
  });

  it('is one limit per name in the process, so separate bundles count into the same window', async () => {
    const name = `test-${randomUUID()}`;
    await rateLimit(name, { points: 1, durationSeconds: 60 }).take('k');
    expect((await rateLimit(name, { points: 1, durationSeconds: 60 }).take('k')).allowed).toBe(false);
  });

  it('remembers a fact until told otherwise', async () => {
    const memo = rateLimitMemo(`test-${randomUUID()}`, 3600);
    expect(await memo.has('a')).toBe(false);
    await memo.remember('a', 60);
    expect(await memo.has('a')).toBe(true);
    expect(await memo.has('b')).toBe(false);
  });
});
