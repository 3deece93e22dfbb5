import { describe, expect, it } from 'vitest';
import { budgetedRetryStrategy } from './sdk-retry-strategy';

// The policy the SDK's retry middleware asks before each retry. A clock and the jitter are injected, so each case
// states exactly when a retry is refused.

function strategyAt(clock: { t: number }, overrides: Partial<Parameters<typeof budgetedRetryStrategy>[0]> = {}) {
  return budgetedRetryStrategy({ maxAttempts: 5, requestTimeoutMs: 2_000, budgetMs: 5_000, now: () => clock.t, random: () => 0.5, ...overrides });
}

const transient = { errorType: 'TRANSIENT' as const };
const throttling = { errorType: 'THROTTLING' as const };

describe('budgetedRetryStrategy', () => {
  it('retries quick transient failures with a doubling full-jitter pause, up to the attempts', async () => {
    const clock = { t: 0 };
    const strategy = strategyAt(clock);
    let token = await strategy.acquireInitialRetryToken('');
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      clock.t += 10;
      token = await strategy.refreshRetryTokenForRetry(token, transient);
      delays.push(token.getRetryDelay());
    }
    expect(delays).toEqual([25, 50, 100, 200]);
    expect(token.getRetryCount()).toBe(4);
    // The fifth attempt was the last.
    await expect(strategy.refreshRetryTokenForRetry(token, transient)).rejects.toThrow();
  });

  it('starts no attempt that could not finish its request timeout inside the budget (a frozen service)', async () => {
    const clock = { t: 0 };
    const strategy = strategyAt(clock);
    let token = await strategy.acquireInitialRetryToken('');
    clock.t = 2_000; // the first attempt timed out
    token = await strategy.refreshRetryTokenForRetry(token, transient);
    clock.t = 4_030; // so did the second: 4 030 + 50 + 2 000 > 5 000
    await expect(strategy.refreshRetryTokenForRetry(token, transient)).rejects.toThrow(/budget/);
  });

  it('keeps retrying throttling to the attempts, with the longer throttling pause, whatever the clock says', async () => {
    const clock = { t: 0 };
    const strategy = strategyAt(clock);
    let token = await strategy.acquireInitialRetryToken('');
    clock.t = 60_000;
    token = await strategy.refreshRetryTokenForRetry(token, throttling);
    expect(token.getRetryDelay()).toBe(500);
  });

  it('never retries a client error', async () => {
    const strategy = strategyAt({ t: 0 });
    const token = await strategy.acquireInitialRetryToken('');
    await expect(strategy.refreshRetryTokenForRetry(token, { errorType: 'CLIENT_ERROR' })).rejects.toThrow();
  });

  it('makes one attempt only when maxAttempts is 1', async () => {
    const strategy = strategyAt({ t: 0 }, { maxAttempts: 1 });
    const token = await strategy.acquireInitialRetryToken('');
    await expect(strategy.refreshRetryTokenForRetry(token, transient)).rejects.toThrow();
  });
});
