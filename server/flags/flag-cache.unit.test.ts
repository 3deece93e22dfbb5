import { describe, expect, it, vi } from 'vitest';
import type { Flag } from './contract';
import { createFlagCache, type FlagCacheOptions } from './flag-cache';

function flag(key: string, enabled: boolean, version = 1): Flag {
  return { key, description: key, enabled, rolloutPercent: 100, audience: { kind: 'everyone' }, version, updatedBy: 't', updatedAt: 't' };
}

/** A cache on a fake clock whose loads resolve or fail when the test says so. */
function harness(overrides: Partial<FlagCacheOptions> = {}) {
  let clock = 0;
  const pending: { resolve: (f: Flag[]) => void; reject: (e: Error) => void }[] = [];
  const all: { resolve: (f: Flag[]) => void; reject: (e: Error) => void }[] = [];
  const load = vi.fn(
    (_signal: AbortSignal) =>
      new Promise<Flag[]>((resolve, reject) => {
        pending.push({ resolve, reject });
        all.push({ resolve, reject });
      }),
  );
  const log = vi.fn();
  const cache = createFlagCache({
    load,
    defaults: () => [flag('store-locator', true, 0), flag('top-sellers', true, 0)],
    ttlMs: 3_000,
    budgetMs: 200,
    retryMs: 1_000,
    now: () => clock,
    log,
    ...overrides,
  });
  return {
    cache,
    load,
    log,
    advance: (ms: number) => (clock += ms),
    resolveNext: (flags: Flag[]) => pending.shift()!.resolve(flags),
    /** Resolves the n-th load ever started (0-based), in any order. */
    resolveLoad: (n: number, flags: Flag[]) => all[n]!.resolve(flags),
    rejectNext: () => pending.shift()!.reject(new Error('DynamoDB down')),
    /** Lets pending promise callbacks run. */
    settle: () => new Promise((r) => setTimeout(r, 0)),
  };
}

describe('flag cache', () => {
  it('reads DynamoDB once, then serves from memory until the TTL runs out', async () => {
    const h = harness();
    const first = h.cache.get();
    h.resolveNext([flag('store-locator', false)]);
    expect((await first).flags.get('store-locator')?.enabled).toBe(false);
    expect((await first).source).toBe('dynamodb');

    h.advance(2_999);
    for (let i = 0; i < 50; i++) await h.cache.get();
    expect(h.load).toHaveBeenCalledTimes(1);

    h.advance(1);
    const refreshed = h.cache.get();
    h.resolveNext([flag('store-locator', true, 2)]);
    expect((await refreshed).flags.get('store-locator')?.version).toBe(2);
    expect(h.load).toHaveBeenCalledTimes(2);
  });

  it('overlays stored flags on the built-in defaults (a flag added in code works before it is seeded)', async () => {
    const h = harness();
    const got = h.cache.get();
    h.resolveNext([flag('store-locator', false), flag('extra', true)]);
    const snap = await got;
    expect([...snap.flags.keys()].sort()).toEqual(['extra', 'store-locator', 'top-sellers']);
    expect(snap.flags.get('store-locator')?.enabled).toBe(false);
  });

  it('makes concurrent requests share one refresh (single flight)', async () => {
    const h = harness();
    const all = Promise.all(Array.from({ length: 20 }, () => h.cache.get()));
    h.resolveNext([flag('store-locator', false)]);
    const snaps = await all;
    expect(h.load).toHaveBeenCalledTimes(1);
    expect(new Set(snaps).size).toBe(1);
  });

  it('serves the built-in defaults when DynamoDB has never answered', async () => {
    const h = harness();
    const got = h.cache.get();
    h.rejectNext();
    const snap = await got;
    expect(snap.source).toBe('defaults');
    expect(snap.flags.get('store-locator')?.enabled).toBe(true);
    expect(h.log).toHaveBeenCalledWith('refresh-failed', expect.any(Error));
  });

  it('keeps serving the last known flags through an outage, retrying at most once per retry interval', async () => {
    const h = harness();
    const first = h.cache.get();
    h.resolveNext([flag('store-locator', false)]);
    await first;

    h.advance(3_000);
    const during = h.cache.get();
    h.rejectNext();
    expect((await during).flags.get('store-locator')?.enabled).toBe(false);
    expect((await during).source).toBe('dynamodb');

    // Within the retry interval nobody waits on DynamoDB.
    h.advance(999);
    for (let i = 0; i < 10; i++) expect((await h.cache.get()).flags.get('store-locator')?.enabled).toBe(false);
    expect(h.load).toHaveBeenCalledTimes(2);

    h.advance(1);
    const retry = h.cache.get();
    h.rejectNext();
    await retry;
    expect(h.load).toHaveBeenCalledTimes(3);
    expect(h.log).toHaveBeenCalledTimes(1); // said once per outage, not per attempt

    h.advance(1_000);
    const back = h.cache.get();
    h.resolveNext([flag('store-locator', true, 3)]);
    expect((await back).flags.get('store-locator')?.version).toBe(3);
    expect(h.log).toHaveBeenLastCalledWith('refresh-recovered');
  });

  it('answers within the budget with the previous snapshot when DynamoDB is slow', async () => {
    vi.useFakeTimers();
    try {
      const h = harness();
      const first = h.cache.get();
      h.resolveNext([flag('store-locator', false)]);
      await first;
      h.advance(3_000);
      const slow = h.cache.get();
      await vi.advanceTimersByTimeAsync(200);
      expect((await slow).flags.get('store-locator')?.version).toBe(1);
      // Nobody else waits on that slow refresh.
      const t0 = Date.now();
      expect((await h.cache.get()).flags.get('store-locator')?.version).toBe(1);
      expect(Date.now() - t0).toBe(0);
      // The refresh finishes in the background and the next request sees it.
      h.resolveNext([flag('store-locator', true, 2)]);
      await vi.advanceTimersByTimeAsync(0);
      expect((await h.cache.get()).flags.get('store-locator')?.version).toBe(2);
      expect(h.load).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads DynamoDB again right after invalidate() (a change made through this instance)', async () => {
    const h = harness();
    const first = h.cache.get();
    h.resolveNext([flag('store-locator', true)]);
    await first;
    h.cache.invalidate();
    const next = h.cache.get();
    h.resolveNext([flag('store-locator', false, 2)]);
    expect((await next).flags.get('store-locator')?.enabled).toBe(false);
  });

  it('abandons a hung refresh after the load timeout, so the next one can start', async () => {
    vi.useFakeTimers();
    try {
      const signals: AbortSignal[] = [];
      const h = harness({ loadTimeoutMs: 2_000 });
      h.load.mockImplementation((signal: AbortSignal) => {
        signals.push(signal);
        // Never answers, but honours the abort like the AWS SDK does.
        return new Promise<Flag[]>((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
      });
      const first = h.cache.get();
      await vi.advanceTimersByTimeAsync(200);
      expect((await first).source).toBe('defaults');
      await vi.advanceTimersByTimeAsync(1_800);
      expect(signals[0]?.aborted).toBe(true);
      h.advance(1_000); // past the retry pause
      void h.cache.get();
      expect(h.load).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not let a read that started before invalidate() pass for fresh, nor replace a newer read', async () => {
    const h = harness();
    const old = h.cache.get(); // load #1 in flight
    h.cache.invalidate();
    const fresh = h.cache.get(); // load #2: a new flight, not joined to the old one
    expect(h.load).toHaveBeenCalledTimes(2);
    const [oldLoad, newLoad] = [h.load.mock.results[0]!.value, h.load.mock.results[1]!.value];
    h.resolveLoad(1, [flag('store-locator', false, 2)]); // the new read answers first
    await fresh;
    h.resolveLoad(0, [flag('store-locator', true, 1)]); // then the old one, late
    await Promise.all([old, oldLoad, newLoad]);
    expect((await h.cache.get()).flags.get('store-locator')?.version).toBe(2);
    expect(h.load).toHaveBeenCalledTimes(2);
  });
});
