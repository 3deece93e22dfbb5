// By name rather than instanceof: Next bundles route handlers separately, and an SDK error class from one bundle
// is not `instanceof` the same class imported in another.
export function isConditionalCheckFailure(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'ConditionalCheckFailedException';
}

export function isTransactionCanceled(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'TransactionCanceledException';
}
