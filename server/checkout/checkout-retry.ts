import { backoffDelayMs, equalJitterDelayMs, type RetryPolicy } from '../platform/db';
import type { CancellationVerdict } from './cancellation-reasons';

// When placing an order tries again, and how long it pauses first (server/platform/db's withRetry does the trying).
// A cancelled checkout transaction is retried at one of two levels:
//   - a fresh pass (read the key, re-price the cart, authorise again if the amount moved) when the cancellation
//     changed what the shopper can have: the key was taken by a concurrent same-key request (→ replay), stock ran
//     short (→ 409 with fresh numbers, or a restock wins), the cart changed (→ re-price), the order id was taken;
//   - the same transaction sent again when it only lost to contention (TransactionConflict) or was throttled.
// Contention retries share one time budget (AWS_RETRY_BUDGET_MS) counted from the start of the checkout, so a
// DynamoDB that stops answering does not keep the shopper waiting; fresh passes converge on their own.

/** Enough for a burst of shoppers on one product item (TransactionConflict) to drain without a false 503. */
const MAX_ATTEMPTS = 12;

/** The checkout transaction was cancelled for a reason a retry can change. */
export class TransactionRetry extends Error {
  override readonly name = 'CheckoutTransactionRetry';
  constructor(readonly verdict: CancellationVerdict) {
    super('checkout transaction cancelled; retrying');
  }

  /** The next try must re-read: the key, the stock, the cart, the order id or number is not what this pass saw. */
  get needsFreshPass(): boolean {
    const v = this.verdict;
    return v.keyTaken || v.stockShort || v.cartChanged || v.orderIdTaken || v.numberTaken || v.promotionChanged;
  }
}

const isRetry = (err: unknown): err is TransactionRetry => err instanceof TransactionRetry;

/**
 * Throttled (by DynamoDB, reported per item): equal jitter, so the table sees fewer requests — at least half of
 * min(400, 50·2^(retry−1)) ms. Contention alone: full jitter below min(400, 15·2^(retry−1)) ms, so concurrent losers
 * spread out instead of colliding again on the same beat. A fresh pass with nothing to wait for: no pause.
 */
function pauseMs(err: unknown, retry: number): number {
  if (!isRetry(err)) return 0;
  if (err.verdict.throttled) return equalJitterDelayMs(retry, { baseDelayMs: 50, maxDelayMs: 400 });
  if (err.verdict.conflict && !err.needsFreshPass) return backoffDelayMs(retry, { baseDelayMs: 15, maxDelayMs: 400 });
  return 0;
}

/** Passes of the whole flow: again whenever the transaction's cancellation changed what this pass read. */
export const PASS_POLICY: RetryPolicy = {
  attempts: MAX_ATTEMPTS,
  baseDelayMs: 0,
  maxDelayMs: 0,
  retryOn: (err) => isRetry(err) && err.needsFreshPass,
  delayMs: pauseMs,
};

/** Sends of one pass's transaction: again after a pause while it only loses to contention, within the budget. */
export function contentionPolicy(deadline: number): RetryPolicy {
  return {
    attempts: MAX_ATTEMPTS,
    baseDelayMs: 15,
    maxDelayMs: 400,
    budgetMs: Math.max(0, deadline - Date.now()),
    retryOn: (err) => isRetry(err) && !err.needsFreshPass,
    delayMs: pauseMs,
  };
}
