import {
  type CheckoutParties,
  firstOrderMatters,
  type OrderRisk,
  type PreScreening,
  recordDeclinedPayment,
  refuseRepeatedDeclines,
  screenAfterAuthorisation,
  screenBeforeAuthorisation,
  screeningDeclined,
} from '../fraud';
import type { GeoPoint } from '../locations';
import { hasEarlierOrder, newOrderId, newOrderNumber, toOrder } from '../orders';
import { getPaymentProvider, type PaymentProvider } from '../payments';
import { getConfig } from '../platform/config';
import { withRetry } from '../platform/db';
import { AppError, isAppError } from '../platform/errors';
import { errorText, logger } from '../platform/observability';
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
//   2c. fraud screening      server/fraud             too many declines → 429; `deny` → 402; nothing asked yet
//   3. authorise payment     payment-hold.ts          one hold, again only if the amount moved; a decline is counted
//   3b. screening, with the processor's risk verdict  `deny` → the hold voided, 402; `review` → the order ON_HOLD
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
  /** Draws order numbers (tests give a taken one first, to prove a collision draws again). */
  drawOrderNumber?: () => string;
  /**
   * Who is asking, for fraud screening: the client's address bucket (server/platform/http client-address) and, behind
   * CloudFront, where the client is. The checkout route always passes it; without it the per-address limits and
   * signals are skipped (the cart, email and card ones still apply).
   */
  client?: { address: string; viewer?: GeoPoint };
};

export async function placeOrder(input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const request = parseCheckoutRequest(input);
  const provider = input.provider ?? getPaymentProvider();
  const hold = paymentHold(provider, request);
  const deadline = Date.now() + getConfig().AWS_RETRY_BUDGET_MS;
  let orderId = newOrderId();
  const drawNumber = input.drawOrderNumber ?? newOrderNumber;
  let orderNumber = drawNumber();

  // A refusal may be the work of a concurrent request with this same key that committed after step 1 (it emptied
  // the cart, took the last units): that request's order is the answer, not the refusal.
  const refuse = async (refusal: AppError): Promise<PlaceOrderResult> => {
    const late = await replayIfKeyUsed(request);
    if (late) return late;
    throw refusal;
  };

  const parties: CheckoutParties = {
    ...(input.client ? { clientAddress: input.client.address, ...(input.client.viewer ? { viewer: input.client.viewer } : {}) } : {}),
    cartId: request.cartId,
    ...(request.email ? { email: request.email } : {}),
  };
  let cardFingerprint: string | undefined;
  let screening: PreScreening | undefined;

  // Step 2c, once per request (a retried pass reuses it): nothing is asked of the processor while the address, cart
  // or email is over its declines; then the card behind the token (its fingerprint) and the rules.
  const screen = async (priced: PricedCheckout): Promise<PreScreening> => {
    const rules = await refuseRepeatedDeclines(parties);
    const card = await provider.describeToken?.(request.body.payment.token).catch((err: unknown) => {
      // Screening goes on without the card's fingerprint; the authorisation decides about the token itself.
      logger.warn('card details unavailable for screening', { component: 'fraud', err: errorText(err) });
      return null;
    });
    cardFingerprint = card?.fingerprint;
    const firstOrder =
      firstOrderMatters(rules, priced.totals.total) && !(await hasEarlierOrder({ userId: request.userId, ...(request.email ? { email: request.email } : {}) }));
    return screenBeforeAuthorisation(
      { ...parties, ...(cardFingerprint ? { cardFingerprint } : {}), total: priced.totals.total, firstOrder, shippingAddress: request.body.shippingAddress },
      rules,
    );
  };

  const authorise = async (priced: PricedCheckout): Promise<{ authorised: Hold; risk: OrderRisk }> => {
    let authorised: Hold;
    try {
      authorised = await hold.authorize(priced.totals.total, orderId);
    } catch (err) {
      if (isAppError(err) && err.code === 'PAYMENT_DECLINED') await recordDeclinedPayment({ ...parties, ...(cardFingerprint ? { cardFingerprint } : {}) });
      throw err;
    }
    const risk = screenAfterAuthorisation(screening!, authorised.risk);
    if (risk.decision === 'deny') {
      await hold.release();
      throw screeningDeclined();
    }
    return { authorised, risk };
  };

  const reserve = async (passNumber: number, priced: PricedCheckout, authorised: Hold, risk: OrderRisk) => {
    const now = new Date();
    const order = buildOrderRecord({
      request,
      priced,
      hold: authorised,
      providerName: provider.name,
      orderId,
      orderNumber,
      now,
      risk,
      holdTtlSeconds: getConfig().FRAUD_HOLD_TTL_SECONDS,
    });
    const idempotency = buildIdempotencyRecord(request, orderId, now);
    try {
      await withRetry(
        (send) => commitOrderTransaction({ priced, order, idempotency, cartId: request.cartId, now, firstSend: send === 1 }, `${passNumber}.${send}`),
        contentionPolicy(deadline),
      );
    } catch (err) {
      if (isOutcomeUnknown(err)) hold.keep();
      if (err instanceof TransactionRetry && err.verdict.orderIdTaken) orderId = newOrderId();
      if (err instanceof TransactionRetry && err.verdict.numberTaken) orderNumber = drawNumber();
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
    try {
      screening ??= await screen(loaded.priced);
    } catch (err) {
      if (isAppError(err)) return refuse(err);
      throw err;
    }
    const { authorised, risk } = await authorise(loaded.priced);
    const order = await reserve(passNumber, loaded.priced, authorised, risk);
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
