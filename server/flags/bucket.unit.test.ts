import { describe, expect, it } from 'vitest';
import { mintAnonId } from '../identity/anon-id';
import { BUCKETS, inRollout, rolloutBucket } from './bucket';

describe('rollout buckets', () => {
  it('gives the same id the same bucket on every call (no flicker between requests)', () => {
    const id = 'anon:Zx81_kq3MbV0aa9fPq1w2A';
    const first = rolloutBucket('store-locator', id);
    for (let i = 0; i < 100; i++) expect(rolloutBucket('store-locator', id)).toBe(first);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(BUCKETS);
  });

  it('is pinned: a changed hash would silently move every shopper to another bucket', () => {
    expect([rolloutBucket('top-sellers', 'user:123'), rolloutBucket('recommendations', 'anon:abc')]).toEqual([2817, 6830]);
  });

  it.each([
    { ids: 'sequential user ids', id: (i: number) => `user:${i}` },
    { ids: 'random anonymous ids', id: () => `anon:${mintAnonId()}` },
  ])('admits 27–33% of 10,000 $ids to a 30% rollout', ({ id }) => {
    let admitted = 0;
    for (let i = 0; i < 10_000; i++) if (inRollout('free-shipping-banner', id(i), 30)) admitted++;
    expect(admitted / 10_000).toBeGreaterThanOrEqual(0.27);
    expect(admitted / 10_000).toBeLessThanOrEqual(0.33);
  });

  it('spreads ids evenly over the whole range (each tenth holds 9–11%)', () => {
    const tenths = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i++) tenths[Math.floor(rolloutBucket('recommendations', `user:${i}`) / 1000)]! += 1;
    for (const n of tenths) {
      expect(n).toBeGreaterThan(900);
      expect(n).toBeLessThan(1100);
    }
  });

  it('draws each flag its own sample: two 30% rollouts overlap on about 9%, not 30%', () => {
    let both = 0;
    for (let i = 0; i < 10_000; i++) if (inRollout('a', `user:${i}`, 30) && inRollout('b', `user:${i}`, 30)) both++;
    expect(both / 10_000).toBeGreaterThan(0.07);
    expect(both / 10_000).toBeLessThan(0.11);
  });

  it('grows monotonically: raising the percentage never drops someone already in', () => {
    for (let i = 0; i < 500; i++) {
      const id = `user:${i}`;
      let wasIn = false;
      for (let p = 0; p <= 100; p += 5) {
        const isIn = inRollout('chat-assistant', id, p);
        if (wasIn) expect(isIn).toBe(true);
        wasIn = isIn;
      }
    }
  });

  it('treats 0 and 100 as none and all', () => {
    expect(inRollout('k', 'user:1', 0)).toBe(false);
    expect(inRollout('k', 'user:1', 100)).toBe(true);
  });
});
