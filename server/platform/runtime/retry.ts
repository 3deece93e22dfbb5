import pRetry from 'p-retry';

// The one retry policy for AWS calls the SDK does not retry itself (lost optimistic-lock races, transaction
// conflicts, UnprocessedKeys, throttled transaction items). p-retry counts attempts and enforces the total time
// budget; the pause is exponential backoff with full jitter (AWS's recommendation): the ceiling doubles per retry and
// a random point below it keeps parallel writers from retrying in lock-step against the same partition.

export type RetryPolicy = {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Ceiling of the first pause; it doubles each retry up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Which failures are worth another attempt; anything else is thrown at once. */
  retryOn: (err: unknown) => boolean;
  /** Stop retrying once this much time has passed since the first attempt (the last failure is thrown). */
  budgetMs?: number;
  /** Injected so tests are deterministic; defaults to Math.random. */
  random?: () => number;
  /** Called before each pause, e.g. to log or count. */
  onRetry?: (err: unknown, attempt: number) => void;
  /**
   * The pause before retry number `retry` after `err`, when it depends on the failure (a throttled call waits
   * longer than a lost race); defaults to full jitter below the doubling ceiling.
   */
  delayMs?: (err: unknown, retry: number) => number;
};

/** Pause before retry number `retry` (1 for the first retry). */
export function backoffDelayMs(retry: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor((policy.random ?? Math.random)() * ceiling);
}

/**
 * Equal jitter: at least half of the doubling ceiling is always waited, for a service that asked us to slow down
 * (throttling) and must see fewer requests, not merely spread-out ones.
 */
export function equalJitterDelayMs(retry: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(ceiling / 2 + ((policy.random ?? Math.random)() * ceiling) / 2);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `operation` (given the 1-based attempt number) until it succeeds, fails with an error `retryOn` rejects, or
 * the attempts or the time budget run out; then the last error is thrown as it was.
 */
export async function withRetry<T>(operation: (attempt: number) => Promise<T>, policy: RetryPolicy): Promise<T> {
  return pRetry(operation, {
    retries: Math.max(0, policy.attempts - 1),
    // The pause is ours (full jitter, below); p-retry's own exponential wait is switched off.
    minTimeout: 0,
    maxTimeout: 0,
    factor: 1,
    maxRetryTime: policy.budgetMs ?? Number.POSITIVE_INFINITY,
    shouldRetry: ({ error }) => policy.retryOn(error),
    onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
      if (retriesLeft === 0 || !policy.retryOn(error)) return;
      policy.onRetry?.(error, attemptNumber);
      await sleep(policy.delayMs ? policy.delayMs(error, attemptNumber) : backoffDelayMs(attemptNumber, policy));
    },
  });
}
