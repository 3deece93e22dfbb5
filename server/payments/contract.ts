import type { Money } from '../platform/money';

// The storefront never sees a card: the browser hands it to the processor and sends the shop a token
// (docs/payments.md). Everything here is token, brand, last four and processor ids.

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'unknown';

export type DeclineReason =
  | 'card_declined'
  | 'insufficient_funds'
  | 'expired_card'
  | 'incorrect_cvc'
  | 'authentication_failed'
  | 'token_invalid'
  | 'token_expired'
  | 'token_used'
  | 'processing_error';

/** The processor's own fraud verdict on an authorisation (Stripe Radar's `outcome.risk_level`; the sandbox's). */
export type ProcessorRiskLevel = 'normal' | 'elevated' | 'highest' | 'unknown';

/** What the processor says about a token's card without charging it: the same card always has the same fingerprint. */
export type CardDetails = { brand: CardBrand | string; last4: string; fingerprint: string };

export type AuthorizationResult =
  | { approved: true; brand: CardBrand | string; last4: string; authorizationId: string; risk?: ProcessorRiskLevel }
  | { approved: false; reason: DeclineReason; message: string }
  /** 3-D Secure: the shopper must answer the issuer's challenge at `url`, then the same request completes. */
  | { approved: false; reason: 'authentication_required'; message: string; nextActionUrl: string };

/**
 * The seam to a payment processor. Checkout authorises before its transaction and releases the hold if the
 * transaction does not commit; the order's lifecycle captures at shipment, voids a cancelled hold and refunds.
 * Capture and refund take an idempotency key derived from the order and the event (ledger.ts), so a retried
 * message or request never moves money twice at the processor either.
 */
export interface PaymentProvider {
  readonly name: string;
  /**
   * Places a hold on the card behind `token`. `idempotencyKey` works like a processor's idempotency key (Stripe's
   * Idempotency-Key): the same key again returns the same live hold instead of placing a second one, and, after a
   * 3-D Secure challenge was passed, completes the authorisation that asked for it. A hold voided since is never
   * returned for its key; the provider authorises afresh. `returnUrl`: where the challenge sends the shopper back.
   */
  authorize(request: { amount: Money; token: string; reference: string; idempotencyKey: string; returnUrl?: string }): Promise<AuthorizationResult>;
  /** Releases an authorisation that will not be captured (the order was not written). Must be safe to repeat. */
  void(authorizationId: string): Promise<void>;
  /**
   * The card behind a token, read before any authorisation (fraud screening keys its limits on the fingerprint).
   * Null for a token the processor does not know (the authorisation then declines it). Optional: a processor
   * without it is screened on everything else.
   */
  describeToken?(token: string): Promise<CardDetails | null>;
}

/** What the order's lifecycle needs on top (checkout's fakes implement only PaymentProvider). */
export interface SettlingPaymentProvider extends PaymentProvider {
  /** Both real adapters (sandbox, Stripe) read the card behind a token. */
  describeToken(token: string): Promise<CardDetails | null>;
  /** Takes `amount` of the hold. The same key again answers the first capture. */
  capture(request: { authorizationId: string; amount: Money; idempotencyKey: string }): Promise<{ captureId: string }>;
  /** Returns `amount` of what was captured. The same key again answers the first refund. */
  refund(request: { authorizationId: string; amount: Money; idempotencyKey: string }): Promise<{ refundId: string }>;
}
