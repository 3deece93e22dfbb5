import { queryUpTo } from '../platform/db';
import { tableName } from '../platform/db/tables';
import type { Order, OrderSummary } from './contract';
import { guestOrderOwner } from './guest-owner';
import { ORDER_ID_PATTERN } from './order-id';
import { findOrderIdByNumber } from './order-number';
import { queryOrderRecords, readOrderRecord, readOrderRecordAt } from './order-store';
import { toOrder, toOrderSummary } from './to-order';

/** The caller's order, or null when it does not exist or belongs to someone else (callers answer 404 for both). */
export async function getOrder(userId: string, orderId: string): Promise<Order | null> {
  const record = await readOrderRecord(userId, orderId);
  return record ? toOrder(record) : null;
}

/** The caller's orders, newest first. */
export async function listOrders(userId: string, params: { limit: number; cursor?: string }): Promise<{ items: OrderSummary[]; nextCursor: string | null }> {
  const { records, nextCursor } = await queryOrderRecords(userId, params.limit, params.cursor);
  return { items: records.map(toOrderSummary), nextCursor };
}

/**
 * A guest order by the email it was placed with and its id or number: one consistent GetItem under the email's guest
 * partition, whatever is wrong — an unknown email and an unknown (or malformed) id cost the same read and both give
 * null. A claimed order is followed into the account it moved to. Returns the owner to grant with the order.
 */
export async function findGuestOrder(email: string, orderRef: string): Promise<{ order: Order; owner: string } | null> {
  const owner = guestOrderOwner(email);
  // The order number from the email works as the id does. A number no order has is read as typed (and found
  // nowhere), so a known number with the wrong email and an unknown one cost the same reads.
  const orderId = ORDER_ID_PATTERN.test(orderRef) ? orderRef : ((await findOrderIdByNumber(orderRef)) ?? orderRef);
  const record = await readOrderRecordAt(owner, orderId);
  return record ? { order: toOrder(record), owner } : null;
}

/**
 * The products of the shopper's most recent orders (up to `orders` of them), most recent first, each once: one
 * Query of their partition, newest first, projected to the lines (the recommendations domain's seeds).
 */
export async function recentlyPurchasedProductIds(userId: string, orders = 20): Promise<string[]> {
  const records = await queryUpTo<{ items?: { productId?: unknown }[] }>(
    {
      TableName: tableName('orders'),
      KeyConditionExpression: 'userId = :u',
      ExpressionAttributeValues: { ':u': userId },
      ProjectionExpression: '#items',
      ExpressionAttributeNames: { '#items': 'items' },
      ScanIndexForward: false,
    },
    orders,
  );
  const ids = new Set<string>();
  for (const r of records) for (const line of Array.isArray(r.items) ? r.items : []) if (typeof line.productId === 'string') ids.add(line.productId);
  return [...ids];
}
