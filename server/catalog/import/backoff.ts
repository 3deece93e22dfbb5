// Exponential backoff with full jitter (AWS's recommendation for batch retries): the ceiling doubles per attempt,
// and a random point below it keeps parallel writers from retrying in lock-step against the same partition.

export type BackoffOptions = {
  /** Ceiling for the first retry; it doubles each attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Injected so tests are deterministic; defaults to Math.random. */
  random?: () => number;
};

/** Delay before retry number `retry` (1 for the first retry). */
export function backoffDelayMs(retry: number, { baseDelayMs, maxDelayMs, random = Math.random }: BackoffOptions): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
