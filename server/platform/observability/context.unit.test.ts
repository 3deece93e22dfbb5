import { describe, expect, it } from 'vitest';
import { busyMs, currentRequestContext, newRequestContext, recordDownstreamCall, runWithRequestContext, serverTimingHeader } from './context';

describe('request context and Server-Timing', () => {
  it('records calls only inside a request context', () => {
    recordDownstreamCall('dynamodb', 0, 5);
    expect(currentRequestContext()).toBeUndefined();
    const ctx = newRequestContext('rid');
    runWithRequestContext(ctx, () => {
      recordDownstreamCall('dynamodb', 0, 5);
      expect(currentRequestContext()).toBe(ctx);
    });
    expect(ctx.services.get('dynamodb')?.count).toBe(1);
  });

  it('counts overlapping calls of one service once (busy wall time), gaps not at all', () => {
    const ctx = newRequestContext('rid');
    // Three parallel reads 10–20, 12–18, 15–25, then one more 30–32: busy 15 + 2.
    for (const [s, e] of [
      [10, 20],
      [12, 18],
      [15, 25],
      [30, 32],
    ] as const)
      recordDownstreamCall('dynamodb', s, e, ctx);
    expect(busyMs(ctx.services.get('dynamodb')!)).toBe(17);
  });

  it('keeps memory bounded for a request with very many calls (the rest is summed)', () => {
    const ctx = newRequestContext('rid');
    for (let i = 0; i < 1000; i++) recordDownstreamCall('redis', i * 2, i * 2 + 1, ctx);
    const t = ctx.services.get('redis')!;
    expect(t.count).toBe(1000);
    expect(t.intervals.length).toBeLessThanOrEqual(200);
    expect(busyMs(t)).toBe(1000);
  });

  it('formats one entry per service (sorted), call counts in desc, and total; nothing but names and numbers', () => {
    const ctx = { ...newRequestContext('rid'), startedAt: 100 };
    recordDownstreamCall('redis', 101, 101.25, ctx);
    recordDownstreamCall('dynamodb', 102, 114.34, ctx);
    recordDownstreamCall('dynamodb', 103, 110, ctx);
    recordDownstreamCall('cognito', 120, 124, ctx);
    expect(serverTimingHeader(ctx, 140.06)).toBe('cognito;dur=4;desc="1 call", dynamodb;dur=12.3;desc="2 calls", redis;dur=0.3;desc="1 call", total;dur=40.1');
    expect(serverTimingHeader(newRequestContext('x'))).toMatch(/^total;dur=\d+(\.\d)?$/);
  });
});
