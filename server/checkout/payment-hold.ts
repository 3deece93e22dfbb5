import { createHash } from 'node:crypto';
import type { PaymentProvider, ProcessorRiskLevel } from '../payments';
import type { Money } from '../platform/money';
import { logger } from '../platform/observability';
import type { CheckoutRequest } from './checkout-request';
import { challengeReturnUrl, paymentRefusal } from './payment-refusal';

// Step 3 of placing an order: the authorisation hold on the shopper's card, from the first authorise until the
// order is placed (the hold is then captured later against it) or the request ends without one (it is voided).

/** `risk`: the processor's own verdict on the authorisation, when it gives one (fraud screening reads it). */
export type Hold = { authorizationId: string; amount: number; brand: string; last4: string; risk?: ProcessorRiskLevel };

type PaymentHold = {
  /** Authorise once; again only if the amount moved since (a price changed between passes). Declined → 402. */
  authorize(amount: Money, reference: string): Promise<Hold>;
  /** Void the hold, if any: the request ends without an order. Never throws (a failed void is logged). */
  release(): Promise<void>;
  /** Forget the hold without voiding it: the order was placed, or the outcome is unknown and a retry may use it. */
  keep(): void;
};

export function paymentHold(provider: PaymentProvider, request: CheckoutRequest): PaymentHold {
  let hold: Hold | null = null;
  const release = async () => {
    if (!hold) return;
    const id = hold.authorizationId;
    hold = null;
    await provider.void(id).catch((err: unknown) => {
      logger.error('payment void failed', { provider: provider.name, authorizationId: id, err: String(err) });
    });
  };
  return {
    async authorize(amount, reference) {
      if (hold && hold.amount === amount.amount) return hold;
      await release();
      const result = await provider.authorize({
        amount,
        token: request.body.payment.token,
        reference,
        // Same key, same request (token included) and amount → the same hold, also across a client's retry after an
        // unknown outcome and after a 3-D Secure challenge; another token or amount is another hold.
        idempotencyKey: createHash('sha256').update(`${request.recordKey}|${request.bodyHash}|${amount.amount}`).digest('hex'),
        returnUrl: challengeReturnUrl(),
      });
      // Nothing has been written on a refusal: no order, no stock change, no idempotency record (a retry may follow).
      if (!result.approved) throw paymentRefusal(result);
      hold = {
        authorizationId: result.authorizationId,
        amount: amount.amount,
        brand: result.brand,
        last4: result.last4,
        ...(result.risk ? { risk: result.risk } : {}),
      };
      return hold;
    },
    release,
    keep() {
      hold = null;
    },
  };
}
