import { queryOrderRecords, readOrderRecord } from './order-store';
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
