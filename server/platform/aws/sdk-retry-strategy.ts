import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';
import { backoffDelayMs } from '../runtime/retry';

// The SDK's own retry loop (its retry middleware) with our policy plugged in: which failures it retries is the SDK's
// classification (THROTTLING, TRANSIENT: timeouts, resets, refused connections, 500/502/503/504), the pause is the
// same full-jitter backoff as server/platform/db's withRetry, and a time budget stops a hung dependency from holding a request:
// after a transient failure no new attempt starts unless it could run its full request timeout inside the budget.
// A frozen DynamoDB therefore costs one request timeout, while a quick reset or refused connection is retried.
// Throttling is an answer, not a hang: it is retried up to the attempts with the SDK's longer throttling pauses.

type SdkRetryPolicy = {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The client's request timeout: the longest one more attempt can take. */
  requestTimeoutMs: number;
  /** Time from the first attempt after which no attempt that could hang starts. */
  budgetMs: number;
  /** Injected by tests; default Date.now and Math.random. */
  now?: () => number;
  random?: () => number;
};

// The SDK's standard bases (retries 2026: 50 ms, 1 s for throttling) and its 20 s cap on one pause.
const TRANSIENT_BASE_MS = 50;
const THROTTLING_BASE_MS = 1_000;
const MAX_PAUSE_MS = 20_000;
const RETRY_AFTER_EXTRA_MS = 5_000;

class BudgetToken implements RetryToken {
  constructor(
    readonly startedAt: number,
    private readonly retries: number,
    private readonly delayMs: number,
  ) {}
  getRetryCount(): number {
    return this.retries;
  }
  getRetryDelay(): number {
    return this.delayMs;
  }
}

export function budgetedRetryStrategy(policy: SdkRetryPolicy): RetryStrategyV2 {
  const now = policy.now ?? Date.now;
  return {
    async acquireInitialRetryToken() {
      return new BudgetToken(now(), 0, 0);
    },
    async refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo) {
      const startedAt = token instanceof BudgetToken ? token.startedAt : now();
      const retry = token.getRetryCount() + 1;
      const throttled = info.errorType === 'THROTTLING';
      // The middleware throws the failure itself when this refuses.
      if (!throttled && info.errorType !== 'TRANSIENT') throw new Error('not retryable');
      if (retry >= policy.maxAttempts) throw new Error('no attempts left');
      let delay = backoffDelayMs(retry, { baseDelayMs: throttled ? THROTTLING_BASE_MS : TRANSIENT_BASE_MS, maxDelayMs: MAX_PAUSE_MS, random: policy.random });
      if (info.retryAfterHint instanceof Date) {
        delay = Math.max(delay, Math.min(info.retryAfterHint.getTime() - now(), delay + RETRY_AFTER_EXTRA_MS));
      }
      if (!throttled && now() - startedAt + delay + policy.requestTimeoutMs > policy.budgetMs) throw new Error('retry budget spent');
      return new BudgetToken(startedAt, retry, delay);
    },
    recordSuccess() {},
  };
}
