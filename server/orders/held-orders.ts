import { queryMerged } from '../platform/db';
import { ORDER_INDEXES, statusPartitions, tableName } from '../platform/db/tables';
import { AppError } from '../platform/errors';
import { errorText, logger } from '../platform/observability';
import type { OperationsOrder, OrderActor, OrderRecord } from './contract';
import { cancelOrderRecord, readFor, transitionWithRereads } from './order-lifecycle';
import { readOrderRecordById } from './order-store';
import { resolveOrderRef } from './resolve-order-ref';
import { toOperationsOrder } from './to-order';

// Orders fraud screening held for review (status ON_HOLD: authorised, nothing sent to the warehouse; docs/fraud.md).
// Operations approve (ON_HOLD → PLACED: the orders stream then queues it for the warehouse, which takes it to
// PROCESSING) or reject (→ CANCELLED: lines restocked, redemptions given back, the hold voided, the shopper mailed).
// A hold nobody decides is rejected by the expiry sweep at `holdExpiresAt`, which checkout sets well inside the card
// authorisation's life, so an approved order is always captured on a live authorisation and an expired one never.
// Every decision is one conditional transition with its timeline entry (who, when, the note): the audit trail.

const log = logger.child({ component: 'orders' });
const SYSTEM: OrderActor = { by: 'system' };

/** Any order by id or its number, with no ownership check: operations and the system only (their callers check the group). */
export async function findOrderForOperations(idOrNumber: string): Promise<OperationsOrder | null> {
  const orderId = await resolveOrderRef(idOrNumber);
  const record = orderId ? await readOrderRecordById(orderId) : null;
  return record ? toOperationsOrder(record) : null;
}

const expired = (r: OrderRecord, now: Date) => r.holdExpiresAt !== undefined && Date.parse(r.holdExpiresAt) <= now.getTime();
const EXPIRED_NOTE = 'Hold expired before review: payment released';

export type ReviewInput = { decision: 'approve' | 'reject'; note: string };

/** Operations decide a held order. 409 when it is not on hold (decided already, or cancelled by the shopper). */
export async function reviewHeldOrder(
  orderId: string,
  input: ReviewInput,
  actor: OrderActor & { by: 'operations' },
  now = () => new Date(),
): Promise<OperationsOrder> {
  const note = input.note.trim();
  if (input.decision === 'reject') {
    const record = await cancelOrderRecord(orderId, actor, {
      only: ['ON_HOLD'],
      note: `Rejected after review by operations${note ? `: ${note}` : ''}`,
    }).catch(notOnHold);
    return toOperationsOrder(record);
  }
  let lapsed = false;
  const record = await transitionWithRereads(
    () => readFor(orderId, actor),
    (r) => {
      if (r.status !== 'ON_HOLD')
        throw new AppError('CONFLICT', `The order is ${r.status.toLowerCase().replace('_', ' ')}, not on hold: there is nothing to review.`);
      if (expired(r, now())) {
        lapsed = true;
        return null;
      }
      return { record: r, to: 'PLACED', actor, note: `Approved after review by operations${note ? `: ${note}` : ''}` };
    },
  );
  if (lapsed) {
    // Past its expiry the authorisation may be about to lapse: never send it on to a capture; release it now.
    await cancelOrderRecord(record.orderId, SYSTEM, { only: ['ON_HOLD'], note: EXPIRED_NOTE }).catch(() => undefined);
    throw new AppError('CONFLICT', 'The hold expired before it was approved: the payment was released and the order cancelled.');
  }
  return toOperationsOrder(record);
}

function notOnHold(err: unknown): never {
  if (err instanceof AppError && err.code === 'ORDER_NOT_CANCELLABLE') {
    throw new AppError('CONFLICT', `${err.message.replace(' and can no longer be cancelled.', '')}, not on hold: there is nothing to review.`);
  }
  throw err;
}

/**
 * Held orders, oldest first (the review queue), by the byStatus index: ON_HOLD's shards merged on the order id
 * (ADR 0033), each a Query read lazily, never a Scan.
 */
async function* heldRecords(): AsyncGenerator<OrderRecord> {
  const merged = queryMerged<OrderRecord>(
    statusPartitions('ON_HOLD'),
    (partition) => ({
      TableName: tableName('orders'),
      IndexName: ORDER_INDEXES.byStatus,
      KeyConditionExpression: 'statusShard = :held',
      ExpressionAttributeValues: { ':held': partition },
      ScanIndexForward: true,
    }),
    (a, b) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0),
  );
  for await (const { item } of merged) yield item;
}

/** The review queue for the console: every held order with its reasons, oldest first (at most `limit`). */
export async function listHeldOrders(limit = 100): Promise<OperationsOrder[]> {
  const out: OperationsOrder[] = [];
  for await (const r of heldRecords()) {
    out.push(toOperationsOrder(r));
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * Rejects (with the void) every hold past its expiry. Run every few minutes: by a scheduled function on AWS
 * (sst.config.ts), in-process on the local stack (instrumentation.ts). A hold decided meanwhile is left alone.
 */
export async function expireHolds(now = new Date()): Promise<{ expired: string[] }> {
  const done: string[] = [];
  for await (const r of heldRecords()) {
    if (!expired(r, now)) continue;
    try {
      await cancelOrderRecord(r.orderId, SYSTEM, { only: ['ON_HOLD'], note: EXPIRED_NOTE });
      done.push(r.orderId);
      log.info('held order expired: payment released', { orderId: r.orderId });
    } catch (err) {
      if (err instanceof AppError && (err.code === 'ORDER_NOT_CANCELLABLE' || err.code === 'CONFLICT')) continue;
      log.error('held order expiry failed', { orderId: r.orderId, err: errorText(err) });
    }
  }
  return { expired: done };
}
