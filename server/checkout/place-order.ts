import { createHash } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../aws/clients';
import { cartKey, clearStoredCartItem, outOfStockError, priceCart, readStoredCart } from '../cart';
import { getProductRecords } from '../catalog';
import { getConfig } from '../config';
import { AppError } from '../errors';
import { logger } from '../observability';
import { validationError } from '../http/respond';
import { newOrderId, putOrderItem, toOrder, type Order, type OrderRecord } from '../orders';
import { getPaymentProvider, type PaymentProvider } from '../payments';
import { hashCheckoutBody } from './body-hash';
import { cancellationCodes, classifyCancellation } from './cancellation-reasons';
import { checkoutBodySchema, idempotencyKeySchema } from './checkout-schema';
import { computeTotals } from './compute-totals';
import { IDEMPOTENCY_TTL_SECONDS, idempotencyRecordKey, putIdempotencyItem, readIdempotencyRecord, type IdempotencyRecord } from './idempotency-store';
import { SHIPPING_METHODS } from './shipping-methods';
import { stockDecrementItems } from './stock-decrements';
import { readOrderForReplay } from './read-order-for-replay';

// Placing an order. Reads and payment come first; then ONE TransactWriteItems writes everything or nothing:
//   per product  Update stock.#v = stock.#v - :q   if stock.#v >= :q      (no oversell, ADR 0001)
//   order        Put                               if attribute_not_exists (never overwrite)
//   idempotency  Put <user>#<key> → body HMAC, id  if no live record       (one order per key)
//   cart         Update lines = []                 if version = priced one  (the order is what was reviewed)
// docs/checkout.md walks through every failure mode.

/** Enough for a burst of shoppers on one product item (TransactionConflict) to drain without a false 503. */
const MAX_ATTEMPTS = 12;

export type PlaceOrderInput = {
  userId: string;
  idempotencyKey: string | null | undefined;
  body: unknown;
  provider?: PaymentProvider;
};

export type PlaceOrderResult = { order: Order; replayed: boolean };

type Hold = { authorizationId: string; amount: number; brand: string; last4: string };

function isTransactionCanceled(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'TransactionCanceledException';
}

function pause(attempt: number): Promise<void> {
  // Full jitter: concurrent losers spread out instead of colliding again on the same beat.
  const ceiling = Math.min(400, 15 * 2 ** attempt);
  return new Promise((r) => setTimeout(r, Math.random() * ceiling));
}

function throttlePause(attempt: number): Promise<void> {
  // Equal jitter: a throttled table must see fewer requests, so at least half of a doubling ceiling is always waited.
  const ceiling = Math.min(400, 50 * 2 ** attempt);
  return new Promise((r) => setTimeout(r, ceiling / 2 + (Math.random() * ceiling) / 2));
}

async function replay(record: IdempotencyRecord, bodyHash: string, userId: string): Promise<PlaceOrderResult> {
  if (record.bodyHash !== bodyHash) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different checkout request. Use a new key for a new attempt.');
  }
  return { order: await readOrderForReplay(userId, record.orderId), replayed: true };
}

export async function placeOrder(input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const key = idempotencyKeySchema.safeParse(input.idempotencyKey);
  if (!key.success) {
    throw new AppError('BAD_REQUEST', 'The Idempotency-Key header is required: 8 to 200 printable characters, one per checkout attempt (a UUID works).');
  }
  const parsed = checkoutBodySchema.safeParse(input.body);
  if (!parsed.success) throw validationError(parsed.error, 'Please check the highlighted checkout fields.');
  const body = parsed.data;

  const { userId } = input;
  const provider = input.provider ?? getPaymentProvider();
  const bodyHash = hashCheckoutBody(body, getConfig().SESSION_SECRET);
  const recordKey = idempotencyRecordKey(userId, key.data);
  const cartId = cartKey({ kind: 'user', userId });
  const method = SHIPPING_METHODS.find((m) => m.id === body.shippingMethod);
  if (!method) throw new AppError('VALIDATION_FAILED', 'Unknown shipping method.');

  let orderId = newOrderId();
  let hold: Hold | null = null;
  const release = async () => {
    if (!hold) return;
    const id = hold.authorizationId;
    hold = null;
    await provider.void(id).catch((err: unknown) => {
      logger.error('payment void failed', { provider: provider.name, authorizationId: id, err: String(err) });
    });
  };

  try {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      // 1. A key seen before answers with its order (or 409), before any other work.
      const existing = await readIdempotencyRecord(recordKey);
      if (existing) {
        await release();
        return await replay(existing, bodyHash, userId);
      }

      // 2. Price the cart from strongly consistent product reads; refuse early what cannot be had.
      // A refusal below may be the work of a concurrent request with this same key that committed after the read
      // above (it emptied the cart, took the last units): that request's order is the answer, not the refusal.
      const replayIfKeyTaken = async (): Promise<PlaceOrderResult | null> => {
        const late = await readIdempotencyRecord(recordKey);
        if (!late) return null;
        await release();
        return replay(late, bodyHash, userId);
      };
      const stored = await readStoredCart(cartId);
      if (!stored || stored.lines.length === 0) {
        const replayed = await replayIfKeyTaken();
        if (replayed) return replayed;
        throw new AppError('BAD_REQUEST', 'Your cart is empty.');
      }
      const products = await getProductRecords(stored.lines.map((l) => l.productId));
      const cart = priceCart(cartId, stored.lines, products);
      const short = cart.items.filter((i) => !i.available);
      if (short.length > 0) {
        const replayed = await replayIfKeyTaken();
        if (replayed) return replayed;
        throw outOfStockError(short.map((i) => ({ productId: i.productId, variantId: i.variantId, name: i.name, requested: i.quantity, available: i.availableQuantity })));
      }
      const totals = computeTotals({ subtotal: cart.subtotal, shippingMethod: body.shippingMethod, address: body.shippingAddress });

      // 3. Authorise once; again only if the amount moved between attempts (a price changed mid-checkout).
      if (!hold || hold.amount !== totals.total.amount) {
        await release();
        const result = await provider.authorize({
          amount: totals.total,
          card: { number: body.payment.cardNumber, expMonth: body.payment.expMonth, expYear: body.payment.expYear, cvc: body.payment.cvc },
          reference: orderId,
          // Same key, same request (card included) and amount → the same hold, also across a client's retry after an
          // unknown outcome; another card or amount is another hold.
          idempotencyKey: createHash('sha256').update(`${recordKey}|${bodyHash}|${totals.total.amount}`).digest('hex'),
        });
        if (!result.approved) {
          // Nothing has been written: no order, no stock change, no idempotency record (a fixed card may retry).
          throw new AppError('PAYMENT_DECLINED', result.message, { details: { reason: result.reason } });
        }
        hold = { authorizationId: result.authorizationId, amount: totals.total.amount, brand: result.brand, last4: result.last4 };
      }

      // 4. The transaction.
      const now = new Date();
      const nowSeconds = Math.floor(now.getTime() / 1000);
      const record: OrderRecord = {
        userId,
        orderId,
        status: 'PLACED',
        createdAt: now.toISOString(),
        items: cart.items.map((i) => ({
          productId: i.productId,
          variantId: i.variantId,
          slug: i.slug,
          name: i.name,
          options: i.options,
          image: i.image,
          unitPrice: i.unitPrice,
          quantity: i.quantity,
          lineTotal: i.lineTotal,
        })),
        subtotal: totals.subtotal,
        shipping: totals.shipping,
        tax: totals.tax,
        total: totals.total,
        taxRateBasisPoints: totals.taxRateBasisPoints,
        shippingAddress: body.shippingAddress,
        shippingMethod: { id: method.id, label: method.label },
        payment: { brand: hold.brand, last4: hold.last4, provider: provider.name, authorizationId: hold.authorizationId },
      };
      const stock = stockDecrementItems(cart.items.map((i) => ({ productId: i.productId, variantId: i.variantId, quantity: i.quantity })));
      const idempotency: IdempotencyRecord = { key: recordKey, userId, bodyHash, orderId, createdAt: now.toISOString(), expiresAt: nowSeconds + IDEMPOTENCY_TTL_SECONDS };
      const items = [...stock.items, putOrderItem(record), putIdempotencyItem(idempotency, nowSeconds), clearStoredCartItem(cartId, stored.version)];
      const roles = { stock: stock.items.map((_, i) => i), order: stock.items.length, idempotency: stock.items.length + 1, cart: stock.items.length + 2 };

      try {
        await dynamoDoc().send(
          new TransactWriteCommand({
            TransactItems: items,
            // Lets the SDK's own retries of this exact call (a dropped connection) be applied at most once.
            ClientRequestToken: createHash('sha256').update(`${recordKey}|${orderId}|${attempt}`).digest('hex').slice(0, 36),
          }),
        );
      } catch (err) {
        if (!isTransactionCanceled(err)) {
          // Outcome unknown (timeout, throttling after retries): the order may exist, so the hold is kept and
          // the client's retry with the same key finds the record or places the order afresh.
          hold = null;
          throw err;
        }
        const codes = cancellationCodes(err);
        const verdict = classifyCancellation(codes, roles);
        // Our own write is malformed or a partition is full: retrying cannot help. Nothing was written; the outer
        // catch releases the hold and the route answers 503.
        if (verdict.unretryable) {
          logger.error('checkout transaction refused for a reason no retry fixes', { codes });
          throw err;
        }
        if (verdict.orderIdTaken) orderId = newOrderId();
        // keyTaken → the next pass replays; stockShort → the next pass reports fresh numbers (or a restock wins);
        // cartChanged → re-price what the shopper now has. Only a conflict or throttling needs a pause.
        if (verdict.throttled) await throttlePause(attempt);
        else if (verdict.conflict && !verdict.keyTaken && !verdict.stockShort && !verdict.cartChanged) await pause(attempt);
        continue;
      }
      hold = null; // captured later against the order; never voided now
      return { order: toOrder(record), replayed: false };
    }
    throw new AppError('UNAVAILABLE', 'Checkout is very busy right now. Please try again; your card has not been charged.');
  } catch (err) {
    await release();
    throw err;
  }
}
