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

const THROTTLING_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
]);

/** DynamoDB (or another service) asked us to slow down: worth retrying after a pause. */
export function isThrottling(err: unknown): boolean {
  const name = awsErrorName(err);
  return name !== undefined && THROTTLING_NAMES.has(name);
}
