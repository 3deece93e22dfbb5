// How a managed-service call failed. The kinds are what operators act on differently: a timeout means the budget
// or the region is wrong, throttling means a quota, anything else is a bug or an outage.
export type FailureKind = 'timeout' | 'throttled' | 'error';

type AwsLikeError = { name?: unknown; $metadata?: { httpStatusCode?: unknown } };

const THROTTLE_NAMES = new Set(['ThrottlingException', 'TooManyRequestsException', 'Throttling', 'RequestLimitExceeded', 'LimitExceededException']);

export function classifyFailure(err: unknown): FailureKind {
  if (typeof err !== 'object' || err === null) return 'error';
  const e = err as AwsLikeError;
  if (e.name === 'AbortError' || e.name === 'TimeoutError' || e.name === 'BudgetExceeded') return 'timeout';
  if (typeof e.name === 'string' && THROTTLE_NAMES.has(e.name)) return 'throttled';
  if (e.$metadata?.httpStatusCode === 429) return 'throttled';
  return 'error';
}
