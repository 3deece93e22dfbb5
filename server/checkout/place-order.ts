import { getConfig } from '../config';
import { withRetry } from '../db';
import { AppError } from '../errors';
import { newOrderId, toOrder } from '../orders';
import { getPaymentProvider, type PaymentProvider } from '../payments';
import { type CheckoutCustomer, parseCheckoutRequest } from './checkout-request';
import { contentionPolicy, PASS_POLICY, TransactionRetry } from './checkout-retry';
import { buildIdempotencyRecord, buildOrderRecord } from './order-record';
import { commitOrderTransaction, isOutcomeUnknown } from './order-transaction';
import { type Hold, paymentHold } from './payment-hold';
import { type PricedCheckout, priceCheckoutCart } from './price-checkout-cart';
import { type PlaceOrderResult, replayIfKeyUsed } from './replay-order';
import { reviewedTotalMismatch } from './reviewed-total';

// Placing an order, as a sequence of named steps; each lives in its own file. Reads and payment come first, then
// one transaction writes everything or nothing. docs/checkout.md walks through every failure mode.
//
//   check the request        checkout-request.ts      Idempotency-Key, body, fingerprint
//   1. replay a known key    replay-order.ts          same key → its order (or 409 for another body)
//   2. load and price cart   price-checkout-cart.ts   empty → 400, a line short → 409, else the totals
//   2b. the reviewed total   reviewed-total.ts        another total than the one shown → 409 CART_CHANGED
//   3. authorise payment     payment-hold.ts          one hold, again only if the amount moved
//   4. reserve, in one go    order-record.ts, order-transaction.ts   stock, order, key, cart
//   retry                    checkout-retry.ts        which cancellations retry, and how long to pause

/**
 * A shopper (`userId`, and `email`: the session's verified email; order mail goes there and operations find the
 * order by it) or a guest (`guestCartId` from the signed cart cookie; the email is the body's `email`).
 */
export type PlaceOrderInput = CheckoutCustomer & {
  idempotencyKey: string | null | undefined;
  body: unknown;
  provider?: PaymentProvider;
};

export async function placeOrder(input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const request = parseCheckoutRequest(input);
  const provider = input.provider ?? getPaymentProvider();
  const hold = paymentHold(provider, request);
  const deadline = Date.now() + getConfig().AWS_RETRY_BUDGET_MS;
  let orderId = newOrderId();

  // A refusal may be the work of a concurrent request with this same key that committed after step 1 (it emptied
  // the cart, took the last units): that request's order is the answer, not the refusal.
  const refuse = async (refusal: AppError): Promise<PlaceOrderResult> => {
    const late = await replayIfKeyUsed(request);
    if (late) return late;
    throw refusal;
  };

  const reserve = async (passNumber: number, priced: PricedCheckout, authorised: Hold) => {
    const now = new Date();
    const order = buildOrderRecord({ request, priced, hold: authorised, providerName: provider.name, orderId, now });
    const idempotency = buildIdempotencyRecord(request, orderId, now);
    try {
      await withRetry(
        (send) => commitOrderTransaction({ priced, order, idempotency, cartId: request.cartId, now }, `${passNumber}.${send}`),
        contentionPolicy(deadline),
      );
    } catch (err) {
      if (isOutcomeUnknown(err)) hold.keep();
      if (err instanceof TransactionRetry && err.verdict.orderIdTaken) orderId = newOrderId();
      throw err;
    }
    hold.keep(); // captured later against the order; never voided now
    return order;
  };

  const pass = async (passNumber: number): Promise<PlaceOrderResult> => {
    const replayed = await replayIfKeyUsed(request);
    if (replayed) return replayed;
    const loaded = await priceCheckoutCart(request);
    if ('refusal' in loaded) return refuse(loaded.refusal);
    const changed = reviewedTotalMismatch(request, loaded.priced);
    if (changed) return refuse(changed);
    const authorised = await hold.authorize(loaded.priced.totals.total, orderId);
    const order = await reserve(passNumber, loaded.priced, authorised);
    return { order: toOrder(order), replayed: false };
  };

  try {
    return await withRetry(pass, PASS_POLICY);
  } catch (err) {
    if (err instanceof TransactionRetry) {
      throw new AppError('UNAVAILABLE', 'Checkout is very busy right now. Please try again; your card has not been charged.', {
        headers: { 'Retry-After': '1' },
      });
    }
    throw err;
  } finally {
    // Whenever the request ends without a new order (a replay, a refusal, a 503) the hold is voided; a placed
    // order or an unknown outcome kept it (hold.keep), so this does nothing then.
    await hold.release();
  }
}
