import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { createSignInRateLimiter, FallbackCounterStore, MemoryCounterStore } from './sign-in-rate-limit';

function clock(startMs = 1_700_000_000_000) {
  let now = startMs;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

const limits = { perAccount: { max: 3, windowSeconds: 60 }, perIp: { max: 5, windowSeconds: 30 } };

describe('fixed-window counters in memory', () => {
  it('counts within a window and starts over when it ends', async () => {
    const c = clock();
    const store = new MemoryCounterStore(c.now);
    expect(await store.increment('k', 10)).toEqual({ count: 1, resetInSeconds: 10 });
    c.advance(4_000);
    expect(await store.increment('k', 10)).toEqual({ count: 2, resetInSeconds: 6 });
    c.advance(6_000);
    expect(await store.increment('k', 10)).toEqual({ count: 1, resetInSeconds: 10 });
  });

  it('stays bounded under a flood of distinct keys', async () => {
    const store = new MemoryCounterStore(Date.now, 100);
    for (let i = 0; i < 1000; i++) await store.increment(`k${i}`, 60);
    expect(await store.increment('k999', 60)).toMatchObject({ count: 2 });
    expect(await store.increment('k0', 60)).toMatchObject({ count: 1 });
  });
});

describe('sign-in rate limiting', () => {
  it('refuses the attempt after the account limit with 429 and a Retry-After of the time left', async () => {
    const c = clock();
    const limiter = createSignInRateLimiter({ limits, store: new MemoryCounterStore(c.now) });
    for (let i = 0; i < 3; i++) await limiter.beforeAttempt({ email: 'a@example.com', ip: null });
    c.advance(20_000);
    const err = await rejection(limiter.beforeAttempt({ email: 'a@example.com', ip: null }));
    expect(err.status).toBe(429);
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.headers?.['Retry-After']).toBe('40');
    // Another account is unaffected.
    await limiter.beforeAttempt({ email: 'b@example.com', ip: null });
  });

  it('opens the account again when the window ends', async () => {
    const c = clock();
    const limiter = createSignInRateLimiter({ limits, store: new MemoryCounterStore(c.now) });
    for (let i = 0; i < 3; i++) await limiter.beforeAttempt({ email: 'a@example.com', ip: null });
    await rejection(limiter.beforeAttempt({ email: 'a@example.com', ip: null }));
    c.advance(60_000);
    await limiter.beforeAttempt({ email: 'a@example.com', ip: null });
  });

  it('clears the account window after a successful sign-in', async () => {
    const limiter = createSignInRateLimiter({ limits, store: new MemoryCounterStore() });
    for (let i = 0; i < 3; i++) await limiter.beforeAttempt({ email: 'a@example.com', ip: null });
    await limiter.recordSuccess('a@example.com');
    for (let i = 0; i < 3; i++) await limiter.beforeAttempt({ email: 'a@example.com', ip: null });
  });

  it('treats emails case-insensitively', async () => {
    const limiter = createSignInRateLimiter({ limits, store: new MemoryCounterStore() });
    for (let i = 0; i < 3; i++) await limiter.beforeAttempt({ email: 'A@Example.com', ip: null });
    await rejection(limiter.beforeAttempt({ email: 'a@example.com', ip: null }));
  });

  it('limits one IP spraying many accounts', async () => {
    const limiter = createSignInRateLimiter({ limits, store: new MemoryCounterStore() });
    for (let i = 0; i < 5; i++) await limiter.beforeAttempt({ email: `u${i}@example.com`, ip: '203.0.113.9' });
    const err = await rejection(limiter.beforeAttempt({ email: 'u9@example.com', ip: '203.0.113.9' }));
    expect(err.status).toBe(429);
    expect(Number(err.headers?.['Retry-After'])).toBeGreaterThan(0);
    await limiter.beforeAttempt({ email: 'u9@example.com', ip: '198.51.100.1' });
  });

  it('falls back to memory when Redis is absent', async () => {
    const limiter = createSignInRateLimiter({ limits, store: new FallbackCounterStore(() => null) });
    for (let i = 0; i < 3; i++) await limiter.beforeAttempt({ email: 'a@example.com', ip: null });
    await rejection(limiter.beforeAttempt({ email: 'a@example.com', ip: null }));
  });
});
