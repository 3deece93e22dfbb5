import { sleep } from '../db';
import { AppError } from '../errors';
import { readOrderRecord } from './order-store';
import type { OrderStatus } from './order-types';

// What feeds GET /api/orders/[id]/events: the owner's order read by (caller, id) once a second (a consistent
// GetItem, so the read is also the ownership check) and a value yielded now and on every change of status. Polling
// rather than Redis pub/sub: it needs nothing that can be down but DynamoDB, it sees changes from any writer
// (the warehouse, operations, another tab), and at one small read a second per open page it is cheap.

export const WATCH_INTERVAL_MS = 1_000;

/** The first next() throws AppError NOT_FOUND when the order is not the caller's (or is gone since). */
export async function* watchOrderStatus(
  orderId: string,
  userId: string,
  signal: AbortSignal,
  intervalMs = WATCH_INTERVAL_MS,
): AsyncGenerator<{ status: OrderStatus; at: string }> {
  let last: string | undefined;
  while (!signal.aborted) {
    const record = await readOrderRecord(userId, orderId);
    if (!record) throw new AppError('NOT_FOUND', 'There is no such order in your account.');
    const latest = record.timeline?.[record.timeline.length - 1];
    const value = { status: record.status, at: latest?.at ?? record.createdAt };
    const key = `${value.status}|${value.at}`;
    if (key !== last) {
      last = key;
      yield value;
    }
    await sleep(intervalMs);
  }
}
