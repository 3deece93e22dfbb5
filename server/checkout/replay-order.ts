import { getOrder, type Order } from '../orders';
import { AppError } from '../platform/errors';
import type { CheckoutRequest } from './checkout-request';
import { readIdempotencyRecord } from './idempotency-store';

export type PlaceOrderResult = { order: Order; replayed: boolean };

/**
 * A key seen before answers with the order it placed — or 409 when it came with another body — before any other
 * work. Null when the key is new (or its record expired).
 */
export async function replayIfKeyUsed(request: CheckoutRequest): Promise<PlaceOrderResult | null> {
  const record = await readIdempotencyRecord(request.recordKey);
  if (!record) return null;
  if (record.bodyHash !== request.bodyHash) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different checkout request. Use a new key for a new attempt.');
  }
  // Written in the same transaction as the record, so it always exists.
  const order = await getOrder(request.userId, record.orderId);
  if (!order) throw new AppError('INTERNAL', 'The order for this Idempotency-Key could not be read. Please try again.');
  return { order, replayed: true };
}
