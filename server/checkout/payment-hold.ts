import { createHash } from 'node:crypto';
import { AppError } from '../errors';
import type { Money } from '../money';
import { logger } from '../observability';
import type { PaymentProvider } from '../payments';
import type { CheckoutRequest } from './checkout-request';

// Step 3 of placing an order: the authorisation hold on the shopper's card, from the first authorise until the
// order is placed (the hold is then captured later against it) or the request ends without one (it is voided).

export type Hold = { authorizationId: string; amount: number; brand: string; last4: string };

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
      const { payment } = request.body;
      const result = await provider.authorize({
        amount,
        card: { number: payment.cardNumber, expMonth: payment.expMonth, expYear: payment.expYear, cvc: payment.cvc },
        reference,
        // Same key, same request (card included) and amount → the same hold, also across a client's retry after an
        // unknown outcome; another card or amount is another hold.
        idempotencyKey: createHash('sha256').update(`${request.recordKey}|${request.bodyHash}|${amount.amount}`).digest('hex'),
      });
      if (!result.approved) {
        // Nothing has been written: no order, no stock change, no idempotency record (a fixed card may retry).
        throw new AppError('PAYMENT_DECLINED', result.message, { details: { reason: result.reason } });
      }
      hold = { authorizationId: result.authorizationId, amount: amount.amount, brand: result.brand, last4: result.last4 };
      return hold;
    },
    release,
    keep() {
      hold = null;
    },
  };
}
