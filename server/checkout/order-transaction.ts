import { createHash } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { clearStoredCartItem } from '../cart';
import { type OrderRecord, putOrderItem, putOrderNumberItem } from '../orders';
import { dynamoDoc } from '../platform/aws/clients';
import { cancellationCodes, isTransactionCanceled } from '../platform/db';
import { logger } from '../platform/observability';
import { classifyCancellation } from './cancellation-reasons';
import { TransactionRetry } from './checkout-retry';
import { type IdempotencyRecord, putIdempotencyItem } from './idempotency-store';
import type { PricedCheckout } from './price-checkout-cart';
import { stockDecrementItems } from './stock-decrements';

// Step 4 of placing an order: ONE TransactWriteItems writes everything or nothing:
//   per line     Update stock shard units - :q     if units >= :q         (no oversell; the stock ledger, ADR 0029)
//     (a product written before the ledger: Update stock.#v = stock.#v - :q on the product, ADR 0001)
//   order        Put                               if attribute_not_exists (never overwrite)
//   idempotency  Put <user>#<key> → body HMAC, id  if no live record       (one order per key)
//   cart         Update lines = []                 if version = priced one  (the order is what was reviewed)
//   promotions   ADD redemptions 1 (+ customer uses) if under the limits      (server/promotions redemptionItems)
//   number       Put order-numbers[number] → id    if attribute_not_exists  (the human order number is unique)

type OrderTransaction = {
  priced: PricedCheckout;
  order: OrderRecord;
  idempotency: IdempotencyRecord;
  cartId: string;
  now: Date;
  /** The pass's first send picks stock shards from the pass's own read; a resend reads them again. */
  firstSend?: boolean;
};

/**
 * Sends the transaction once. A cancellation a retry can change throws TransactionRetry (see checkout-retry.ts);
 * one no retry fixes (a malformed item, a full item collection) is logged and thrown as it came; any other error
 * leaves the outcome unknown (see isOutcomeUnknown).
 */
export async function commitOrderTransaction(tx: OrderTransaction, attemptId: string): Promise<void> {
  const stockItems = await stockDecrementItems(
    tx.priced.cart.items.map((i) => ({ productId: i.productId, variantId: i.variantId, quantity: i.quantity })),
    tx.priced.ledgerProducts,
    tx.firstSend ? tx.priced.shards : undefined,
  );
  // The ledger no longer holds a line's units (another checkout took them since this pass priced the cart).
  if (!stockItems) throw new TransactionRetry(classifyCancellation(['ConditionalCheckFailed'], { stock: [0], order: -1, idempotency: -1, cart: -1 }));
  const stock = { items: stockItems };
  const nowSeconds = Math.floor(tx.now.getTime() / 1000);
  const fixed = [...stock.items, putOrderItem(tx.order), putIdempotencyItem(tx.idempotency, nowSeconds), clearStoredCartItem(tx.cartId, tx.priced.cartVersion)];
  const number = tx.order.number
    ? [putOrderNumberItem({ number: tx.order.number, orderId: tx.order.orderId, userId: tx.order.userId, createdAt: tx.order.createdAt })]
    : [];
  const items = [...fixed, ...tx.priced.redemption.items, ...number];
  const roles = {
    stock: stock.items.map((_, i) => i),
    order: stock.items.length,
    idempotency: stock.items.length + 1,
    cart: stock.items.length + 2,
    promotions: tx.priced.redemption.items.map((_, i) => fixed.length + i),
    ...(number.length > 0 ? { number: fixed.length + tx.priced.redemption.items.length } : {}),
  };
  try {
    await dynamoDoc().send(
      new TransactWriteCommand({
        TransactItems: items,
        // Lets the SDK's own retries of this exact call (a dropped connection) be applied at most once.
        ClientRequestToken: createHash('sha256').update(`${tx.idempotency.key}|${tx.order.orderId}|${attemptId}`).digest('hex').slice(0, 36),
      }),
    );
  } catch (err) {
    if (!isTransactionCanceled(err)) throw err;
    const codes = cancellationCodes(err);
    const verdict = classifyCancellation(codes, roles);
    // Our own write is malformed or a partition is full: retrying cannot help. Nothing was written; the hold is
    // released and the route answers 503.
    if (verdict.unretryable) {
      logger.error('checkout transaction refused for a reason no retry fixes', { codes });
      throw err;
    }
    throw new TransactionRetry(verdict);
  }
}

/**
 * True when the transaction failed without an answer saying what happened (a timeout, throttling after the
 * SDK's retries): the order may exist, so the payment hold is kept and the client's retry with the same key finds
 * the record or places the order afresh against the same hold.
 */
export function isOutcomeUnknown(err: unknown): boolean {
  return !isTransactionCanceled(err) && !(err instanceof TransactionRetry);
}
