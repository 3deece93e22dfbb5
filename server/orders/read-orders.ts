import { guestOrderOwner } from './guest-owner';
import { queryOrderRecords, readOrderRecord, readOrderRecordAt } from './order-store';
import type { Order, OrderSummary } from './order-types';
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
 * A guest order by the email it was placed with and its id: one consistent GetItem under the email's guest
 * partition, whatever is wrong — an unknown email and an unknown (or malformed) id cost the same read and both give
 * null. A claimed order is followed into the account it moved to. Returns the owner to grant with the order.
 */
export async function findGuestOrder(email: string, orderId: string): Promise<{ order: Order; owner: string } | null> {
  const owner = guestOrderOwner(email);
  const record = await readOrderRecordAt(owner, orderId);
  return record ? { order: toOrder(record), owner } : null;
}
