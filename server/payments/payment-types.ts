import type { Money } from '../money';

/** Card details as typed at checkout. Lives only in memory for the length of one authorisation. */
export type CardInput = { number: string; expMonth: number; expYear: number; cvc: string };

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'unknown';

export type DeclineReason = 'card_declined' | 'insufficient_funds' | 'incorrect_number' | 'expired_card' | 'incorrect_cvc';

export type AuthorizationResult =
  | { approved: true; brand: CardBrand; last4: string; authorizationId: string }
  | { approved: false; reason: DeclineReason; message: string };

/**
 * The seam to a payment processor. Checkout authorises before its transaction and releases the hold if the
 * transaction does not commit; the order's lifecycle captures at shipment, voids a cancelled hold and refunds.
 * Capture and refund take an idempotency key derived from the order and the event (ledger.ts), so a retried
 * message or request never moves money twice at the processor either.
 */
export interface PaymentProvider {
  readonly name: string;
  /**
   * Places a hold. `idempotencyKey` works like a processor's idempotency key (Stripe's Idempotency-Key, Adyen's
   * idempotency-key): the same key again returns the same live hold instead of placing a second one, so a client
   * retry after an unknown outcome does not hold the shopper's money twice. A hold voided since is never returned
   * for its key; the provider authorises afresh.
   */
  authorize(request: { amount: Money; card: CardInput; reference: string; idempotencyKey: string }): Promise<AuthorizationResult>;
  /** Releases an authorisation that will not be captured (the order was not written). Must be safe to repeat. */
  void(authorizationId: string): Promise<void>;
}

/** What the order's lifecycle needs on top (checkout's fakes implement only PaymentProvider). */
export interface SettlingPaymentProvider extends PaymentProvider {
  /** Takes `amount` of the hold. The same key again answers the first capture. */
  capture(request: { authorizationId: string; amount: Money; idempotencyKey: string }): Promise<{ captureId: string }>;
  /** Returns `amount` of what was captured. The same key again answers the first refund. */
  refund(request: { authorizationId: string; amount: Money; idempotencyKey: string }): Promise<{ refundId: string }>;
}
