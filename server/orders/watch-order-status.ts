import { sleep } from '../platform/db';
import { AppError } from '../platform/errors';
import { processSingleton } from '../platform/runtime';
import type { OrderStatus } from './contract';
import { readOrderRecord } from './order-store';

// What feeds GET /api/orders/[id]/events: the owner's order read by (caller, id) once a second (a consistent
// GetItem, so the read is also the ownership check) and a value yielded now and on every change of status. Polling
// rather than Redis pub/sub: it needs nothing that can be down but DynamoDB, it sees changes from any writer
// (the warehouse, operations, another tab). One reader per order per process, shared by every stream open on it
// (issue 25): a page open in ten tabs, or a client opening streams in a loop, costs one read a second, not ten.

const WATCH_INTERVAL_MS = 1_000;

type StatusValue = { status: OrderStatus; at: string };
type Watch = { subscribers: number; latest: StatusValue | null; error: unknown; version: number; waiters: Set<() => void> };

const watches = () => processSingleton('orders:status-watches', () => new Map<string, Watch>());

function notify(w: Watch): void {
  w.version++;
  const ready = [...w.waiters];
  w.waiters.clear();
  for (const wake of ready) wake();
}

async function poll(key: string, w: Watch, userId: string, orderId: string, intervalMs: number): Promise<void> {
  let last: string | undefined;
  for (;;) {
    // Checked and deleted with no await in between, so a stream joining now either sees this watch still running
    // or starts a new one.
    if (w.subscribers === 0) {
      watches().delete(key);
      return;
    }
    try {
      const record = await readOrderRecord(userId, orderId);
      if (!record) throw new AppError('NOT_FOUND', 'There is no such order in your account.');
      const latest = record.timeline?.[record.timeline.length - 1];
      const value = { status: record.status, at: latest?.at ?? record.createdAt };
      const changed = `${value.status}|${value.at}`;
      if (changed !== last) {
        last = changed;
        w.latest = value;
        notify(w);
      }
    } catch (err) {
      w.error = err;
      watches().delete(key);
      notify(w);
      return;
    }
    await sleep(intervalMs);
  }
}

/** The first next() throws AppError NOT_FOUND when the order is not the caller's (or is gone since). */
export async function* watchOrderStatus(orderId: string, userId: string, signal: AbortSignal, intervalMs = WATCH_INTERVAL_MS): AsyncGenerator<StatusValue> {
  const key = `${userId}|${orderId}`;
  let w = watches().get(key);
  const starts = !w;
  if (!w) {
    w = { subscribers: 0, latest: null, error: undefined, version: 0, waiters: new Set() };
    watches().set(key, w);
  }
  w.subscribers++;
  if (starts) void poll(key, w, userId, orderId, intervalMs);
  const watch = w;
  try {
    let seen = 0;
    while (!signal.aborted) {
      if (watch.version === seen) {
        await new Promise<void>((resolve) => {
          watch.waiters.add(resolve);
          signal.addEventListener('abort', () => resolve(), { once: true });
        });
        continue;
      }
      seen = watch.version;
      if (watch.error) throw watch.error;
      if (watch.latest) yield watch.latest;
    }
  } finally {
    watch.subscribers--;
  }
}

/** How many orders this process reads for open streams (tests: one reader per order). */
export function orderStatusReaders(): number {
  return watches().size;
}
