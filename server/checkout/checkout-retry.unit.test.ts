import { describe, expect, it } from 'vitest';
import { type CancellationCode, classifyCancellation } from './cancellation-reasons';
import { contentionPolicy, PASS_POLICY, TransactionRetry } from './checkout-retry';

// Which cancellation retries at which level, and how long each waits (docs/checkout.md, step 6).
const roles = { stock: [0], order: 1, idempotency: 2, cart: 3 };
const retry = (codes: CancellationCode[]) => new TransactionRetry(classifyCancellation(codes, roles));
const contention = contentionPolicy(Date.now() + 60_000);

describe('checkout retry policy', () => {
  it.each([
    ['stock short', ['ConditionalCheckFailed', 'None', 'None', 'None']],
    ['order id taken', ['None', 'ConditionalCheckFailed', 'None', 'None']],
    ['key taken by a concurrent same-key request', ['None', 'None', 'ConditionalCheckFailed', 'None']],
    ['cart changed', ['None', 'None', 'None', 'ConditionalCheckFailed']],
  ])('%s → a fresh pass at once, never the same transaction again', (_, codes) => {
    const err = retry(codes);
    expect(PASS_POLICY.retryOn(err)).toBe(true);
    expect(contention.retryOn(err)).toBe(false);
    expect(PASS_POLICY.delayMs!(err, 1)).toBe(0);
  });

  it('contention alone → the same transaction again after a full-jitter pause below min(400, 15·2^(n−1))', () => {
    const err = retry(['TransactionConflict', 'None', 'None', 'None']);
    expect(contention.retryOn(err)).toBe(true);
    expect(PASS_POLICY.retryOn(err)).toBe(false);
    for (const n of [1, 2, 3, 6, 10]) {
      const ms = contention.delayMs!(err, n);
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThan(Math.min(400, 15 * 2 ** (n - 1)));
    }
  });

  it('a throttled item → the same transaction again after at least half of min(400, 50·2^(n−1))', () => {
    const err = retry(['ThrottlingError', 'None', 'None', 'None']);
    expect(contention.retryOn(err)).toBe(true);
    expect([1, 2, 3, 4, 8].map((n) => contention.delayMs!(err, n) >= Math.min(400, 50 * 2 ** (n - 1)) / 2)).toEqual([true, true, true, true, true]);
  });

  it('anything but a classified cancellation is never retried by either level', () => {
    const sdkError = Object.assign(new Error('throttled after the SDK retries'), { name: 'ProvisionedThroughputExceededException' });
    expect(PASS_POLICY.retryOn(sdkError)).toBe(false);
    expect(contention.retryOn(sdkError)).toBe(false);
  });

  it('contention retries get what is left of the budget, never a negative one', () => {
    expect(contentionPolicy(Date.now() - 5_000).budgetMs).toBe(0);
    expect(contentionPolicy(Date.now() + 4_000).budgetMs).toBeLessThanOrEqual(4_000);
  });
});
