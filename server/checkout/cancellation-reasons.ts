// TransactionCanceledException carries one reason per transaction item, in order. Which item failed decides
// what checkout does next, so the codes (server/platform/db's cancellationCodes) are read by position.

export type CancellationCode = 'None' | 'ConditionalCheckFailed' | 'TransactionConflict' | string;

export type CheckoutItemRoles = { stock: number[]; order: number; idempotency: number; cart: number; promotions?: number[]; number?: number };

export type CancellationVerdict = {
  /** A concurrent request with the same key committed first: replay its order. */
  keyTaken: boolean;
  stockShort: boolean;
  orderIdTaken: boolean;
  /** The human order number drawn for this pass is another order's: draw again. */
  numberTaken: boolean;
  cartChanged: boolean;
  /** A promotion was used up, paused or edited, or the customer reached its limit: re-price (and refuse, 409). */
  promotionChanged: boolean;
  /** Another transaction held an item: worth retrying after a pause. */
  conflict: boolean;
  /** DynamoDB throttled the transaction (reported per item, not as an error the SDK retries): back off, then retry. */
  throttled: boolean;
  /** A reason no retry can change (a malformed item, a full item collection): give up at once. */
  unretryable: boolean;
};

const THROTTLE_CODES = new Set(['ThrottlingError', 'ProvisionedThroughputExceeded', 'RequestLimitExceeded']);
const UNRETRYABLE_CODES = new Set(['ValidationError', 'ItemCollectionSizeLimitExceeded']);

export function classifyCancellation(codes: CancellationCode[], roles: CheckoutItemRoles): CancellationVerdict {
  const failed = (i: number) => codes[i] === 'ConditionalCheckFailed';
  return {
    keyTaken: failed(roles.idempotency),
    stockShort: roles.stock.some(failed),
    orderIdTaken: failed(roles.order),
    numberTaken: roles.number !== undefined && failed(roles.number),
    cartChanged: failed(roles.cart),
    promotionChanged: (roles.promotions ?? []).some(failed),
    conflict: codes.some((c) => c === 'TransactionConflict') || codes.length === 0,
    throttled: codes.some((c) => THROTTLE_CODES.has(c)),
    unretryable: codes.some((c) => UNRETRYABLE_CODES.has(c)),
  };
}
