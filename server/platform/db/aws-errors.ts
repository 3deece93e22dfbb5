// Predicates over AWS SDK errors, by `name` rather than instanceof: Next bundles route handlers, middleware and
// instrumentation separately, and an SDK error class from one bundle is not `instanceof` the same class imported in
// another. Every domain asks these questions here, never with its own copy.

export function awsErrorName(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const name = (err as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

export function isConditionalCheckFailure(err: unknown): boolean {
  return awsErrorName(err) === 'ConditionalCheckFailedException';
}

export function isTransactionCanceled(err: unknown): boolean {
  return awsErrorName(err) === 'TransactionCanceledException';
}

const THROTTLING_NAMES = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded', 'TooManyRequestsException']);

/** DynamoDB (or another service) asked us to slow down: worth retrying after a pause. */
export function isThrottling(err: unknown): boolean {
  const name = awsErrorName(err);
  return name !== undefined && THROTTLING_NAMES.has(name);
}

/**
 * The reason codes of a TransactionCanceledException, one per transaction item in order ('None' for an item that
 * did not fail); empty for any other error.
 */
export function cancellationCodes(err: unknown): string[] {
  if (!isTransactionCanceled(err)) return [];
  const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  if (Array.isArray(reasons)) return reasons.map((r) => r.Code ?? 'None');
  // Some SDK paths only keep the message: "Transaction cancelled, please refer cancellation reasons for specific
  // reasons [ConditionalCheckFailed, None]".
  const match = /\[([^\]]*)\]/.exec(String((err as { message?: unknown }).message ?? ''));
  return match?.[1] ? match[1].split(',').map((s) => s.trim()) : [];
}
