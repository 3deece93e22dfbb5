import { getPaymentProvider, readLedger } from '../payments';
import { AppError } from '../platform/errors';
import { formatMoney, type Money, money } from '../platform/money';
import { logger } from '../platform/observability';
import { releaseItems } from '../promotions';
import { commitTransition, type StockMove, type Transition } from './commit-transition';
import {
  type Fulfilment,
  type Order,
  type OrderActor,
  type OrderRecord,
  type OrderStatus,
  RETURN_WINDOW_DAYS,
  type RefundReason,
  type StoredRefund,
} from './contract';
import { readOrderRecord, readOrderRecordById } from './order-store';
import { paymentAmountsOf, toOperationsOrder, toOrder } from './to-order';

// The order state machine (docs/orders.md):
//   PLACED → PROCESSING → SHIPPED → DELIVERED;  PLACED | PROCESSING → CANCELLED;
//   DELIVERED | PARTIALLY_RETURNED → RETURN_REQUESTED → RETURNED (every unit back) | PARTIALLY_RETURNED (some)
//   ON_HOLD (fraud review) → PLACED (approved) | CANCELLED (rejected, expired, or cancelled by the shopper): held-orders.ts
// Shoppers cancel and ask for returns; operations cancel and refund; the warehouse (server/fulfilment, as
// 'system') accepts, ships, delivers and receives returns. Money moves in the transition that causes it; the
// processor is called after the commit with the ledger entry's key, so a repeat is answered, never repeated.

const log = logger.child({ component: 'orders' });
const CANCELLABLE: readonly OrderStatus[] = ['PLACED', 'PROCESSING', 'ON_HOLD'];
/** A partly returned order may send back what it still has. */
const RETURNABLE: readonly OrderStatus[] = ['DELIVERED', 'PARTIALLY_RETURNED'];
const RETURN_WINDOW_MS = RETURN_WINDOW_DAYS * 24 * 60 * 60 * 1000;
/** A lost race is read again and judged afresh this many times before the caller gets the 409. */
const ATTEMPTS = 3;

const notFound = () => new AppError('NOT_FOUND', 'There is no such order in your account.');

export async function readFor(orderId: string, actor: OrderActor): Promise<OrderRecord> {
  const record = actor.by === 'shopper' ? await readOrderRecord(actor.userId, orderId) : await readOrderRecordById(orderId);
  if (!record) throw actor.by === 'shopper' ? notFound() : new AppError('NOT_FOUND', 'There is no such order.');
  return record;
}

/** Reads, plans and commits; a lost race (CONFLICT from the write) is read again and planned afresh. */
export async function transitionWithRereads(read: () => Promise<OrderRecord>, plan: (r: OrderRecord) => Transition | null): Promise<OrderRecord> {
  for (let attempt = 1; ; attempt++) {
    const record = await read();
    const transition = plan(record);
    if (!transition) return record;
    try {
      return await commitTransition(transition);
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'CONFLICT' && !err.details) || attempt >= ATTEMPTS) throw err;
    }
  }
}

function allLines(record: OrderRecord): StockMove[] {
  return record.items.map((i) => ({ productId: i.productId, variantId: i.variantId, quantity: i.quantity }));
}

async function settle(what: string, record: OrderRecord, call: () => Promise<unknown>): Promise<void> {
  // The ledger already holds the movement; the processor call carries its key and is safe to repeat. A failure
  // is logged for operations (and repeated by the warehouse's redelivery where it was the warehouse's event).
  try {
    await call();
  } catch (err) {
    log.error(`payment ${what} failed at the processor`, { orderId: record.orderId, err: String(err) });
    throw err;
  }
}

/**
 * Cancels while PLACED, PROCESSING or ON_HOLD: every line restocked and the hold voided, in one transaction.
 * `only`: the statuses this caller may cancel from (a hold's rejection takes ON_HOLD only); `note` for the timeline.
 */
export async function cancelOrder(orderId: string, actor: OrderActor, options: { only?: readonly OrderStatus[]; note?: string } = {}): Promise<Order> {
  return toOrder(await cancelOrderRecord(orderId, actor, options));
}

export async function cancelOrderRecord(
  orderId: string,
  actor: OrderActor,
  options: { only?: readonly OrderStatus[]; note?: string } = {},
): Promise<OrderRecord> {
  const from = options.only ?? CANCELLABLE;
  const record = await transitionWithRereads(
    () => readFor(orderId, actor),
    (r) => {
      if (!from.includes(r.status)) {
        throw new AppError('ORDER_NOT_CANCELLABLE', `The order is ${r.status.toLowerCase().replace('_', ' ')} and can no longer be cancelled.`);
      }
      return {
        record: r,
        to: 'CANCELLED',
        actor,
        note: options.note ?? (actor.by === 'shopper' ? 'Cancelled by the shopper' : actor.by === 'operations' ? 'Cancelled by operations' : 'Cancelled'),
        restock: allLines(r),
        // In the same transaction as the status change from PLACED/PROCESSING: given back exactly once.
        alsoWrite: releaseItems(r.redemptions ?? []),
        movement: { kind: 'void', amount: money(0, r.total.currency), entryId: 'void' },
      };
    },
  );
  await settle('void', record, () => getPaymentProvider().void(record.payment.authorizationId)).catch(() => undefined);
  return record;
}

export type ReturnInput = { lines: { variantId: string; productId?: string; quantity: number }[]; reason: string };

/**
 * The shopper (or a guest, under the guest key: `userId` is the key the order lives under) asks to send back
 * delivered units within 30 days of delivery; units already returned cannot be asked for again.
 */
export async function requestReturn(orderId: string, userId: string, input: ReturnInput, now = new Date()): Promise<Order> {
  const actor: OrderActor = { by: 'shopper', userId };
  const record = await transitionWithRereads(
    () => readFor(orderId, actor),
    (r) => {
      if (!RETURNABLE.includes(r.status)) throw new AppError('CONFLICT', 'Only a delivered order can be returned.');
      const deliveredAt = Date.parse(r.fulfilment?.deliveredAt ?? r.createdAt);
      if (now.getTime() - deliveredAt > RETURN_WINDOW_MS) throw new AppError('CONFLICT', 'Returns are accepted within 30 days of delivery.');
      const lines = returnLines(r, input.lines);
      const sequence = r.returnRequest ? (r.returnRequest.sequence ?? 1) + 1 : 1;
      return {
        record: r,
        to: 'RETURN_REQUESTED',
        actor,
        note: input.reason,
        set: {
          returnRequest: {
            lines: lines.map(({ variantId, productId, quantity }) => ({ variantId, productId, quantity })),
            reason: input.reason,
            requestedAt: now.toISOString(),
            number: `${r.number ?? r.orderId}-R${sequence}`,
            sequence,
          },
        },
      };
    },
  );
  return toOrder(record);
}

/** Lines asked for, matched to the order's lines (by variant, and product when a variant id is not unique). */
function returnLines(r: OrderRecord, asked: ReturnInput['lines']): StockMove[] {
  const merged = new Map<string, StockMove>();
  for (const a of asked) {
    const matches = r.items.filter((i) => i.variantId === a.variantId && (a.productId === undefined || i.productId === a.productId));
    if (matches.length === 0) throw new AppError('VALIDATION_FAILED', `The order has no line ${a.variantId}.`, { details: { variantId: a.variantId } });
    if (matches.length > 1) throw new AppError('VALIDATION_FAILED', `Say which product: more than one line has variant ${a.variantId}.`);
    const line = matches[0]!;
    const key = `${line.productId}#${line.variantId}`;
    const quantity = (merged.get(key)?.quantity ?? 0) + a.quantity;
    const left = line.quantity - (line.returnedQuantity ?? 0);
    if (quantity > left) {
      const message = left === line.quantity ? `Only ${line.quantity} of ${line.name} were bought.` : `Only ${left} of ${line.name} are left to return.`;
      throw new AppError('CONFLICT', message, { details: { variantId: a.variantId } });
    }
    merged.set(key, { productId: line.productId, variantId: line.variantId, quantity });
  }
  return [...merged.values()];
}

/**
 * Money back by operations (amount ≤ captured − refunded); the status stays. The shopper sees the amount and the
 * reason category; the staff's reason stays on the operations view (timeline `staffNote`, the ledger entry).
 */
export async function refundOrder(
  orderId: string,
  input: { amount: Money; reason: string; category?: RefundReason; actor: OrderActor },
  now = new Date(),
): Promise<Order> {
  const record = await transitionWithRereads(
    () => readFor(orderId, input.actor),
    (r) => {
      if (input.amount.currency !== r.total.currency) throw new AppError('VALIDATION_FAILED', `Refunds are in ${r.total.currency}.`);
      // The version names the refund: a form sent twice against the same order state refunds once.
      const entryId = `refund#v${r.version ?? 0}`;
      const refund: StoredRefund = { at: now.toISOString(), amount: input.amount, reason: input.category ?? 'other', entryId };
      return {
        record: r,
        to: r.status,
        actor: input.actor,
        note: `Refunded ${formatMoney(input.amount)}`,
        event: 'refund',
        staffNote: input.reason,
        set: { refunds: [...(r.refunds ?? []), refund] },
        movement: { kind: 'refund', amount: input.amount, entryId, reason: input.reason },
      };
    },
  );
  const entryId = `refund#v${(record.version ?? 1) - 1}`;
  await settle('refund', record, () =>
    getPaymentProvider().refund({ authorizationId: record.payment.authorizationId, amount: input.amount, idempotencyKey: `${record.orderId}:${entryId}` }),
  );
  return input.actor.by === 'operations' ? toOperationsOrder(record) : toOrder(record);
}

// The warehouse's transitions (server/fulfilment). Each is a no-op when the order is already past it, so a
// redelivered message continues where the last attempt stopped instead of repeating it.

const SYSTEM: OrderActor = { by: 'system' };

async function systemRecord(userId: string, orderId: string): Promise<OrderRecord> {
  const record = await readOrderRecord(userId, orderId);
  if (!record) throw new AppError('NOT_FOUND', `Order ${orderId} of ${userId} does not exist.`);
  return record;
}

/** PLACED → PROCESSING. */
export async function acceptOrder(userId: string, orderId: string): Promise<Order> {
  const record = await transitionWithRereads(
    () => systemRecord(userId, orderId),
    (r) => (r.status === 'PLACED' ? { record: r, to: 'PROCESSING', actor: SYSTEM, note: 'Accepted by the warehouse' } : null),
  );
  return toOrder(record);
}

/** PROCESSING → SHIPPED with carrier and tracking, capturing the total in the same transaction. */
export async function shipOrder(userId: string, orderId: string, shipment: Omit<Fulfilment, 'deliveredAt'>): Promise<Order> {
  const record = await transitionWithRereads(
    () => systemRecord(userId, orderId),
    (r) =>
      r.status === 'PROCESSING'
        ? {
            record: r,
            to: 'SHIPPED',
            actor: SYSTEM,
            note: `Shipped with ${shipment.carrier}, tracking ${shipment.trackingNumber}`,
            set: { fulfilment: { ...shipment, deliveredAt: null } },
            movement: { kind: 'capture', amount: r.total, entryId: 'capture' },
          }
        : null,
  );
  if (paymentAmountsOf(record).captured > 0) {
    // Also on a redelivery after a crash between the commit and this call: the key makes it one capture.
    await settle('capture', record, () =>
      getPaymentProvider().capture({ authorizationId: record.payment.authorizationId, amount: record.total, idempotencyKey: `${record.orderId}:capture` }),
    );
  }
  return toOrder(record);
}

/** SHIPPED → DELIVERED. */
export async function deliverOrder(userId: string, orderId: string, now = new Date()): Promise<Order> {
  const record = await transitionWithRereads(
    () => systemRecord(userId, orderId),
    (r) =>
      r.status === 'SHIPPED' && r.fulfilment
        ? { record: r, to: 'DELIVERED', actor: SYSTEM, note: 'Delivered', set: { fulfilment: { ...r.fulfilment, deliveredAt: now.toISOString() } } }
        : null,
  );
  return toOrder(record);
}

/**
 * What a return gives back: the returned lines' share of what was paid for goods (total less shipping). The return
 * that brings the last unit back gives what is left of the goods paid, so rounded shares never add up to a cent
 * more or less than that.
 */
function returnRefundAmount(r: OrderRecord, completesOrder: boolean): Money {
  const lines = r.returnRequest?.lines ?? [];
  const value = lines.reduce((sum, l) => {
    const line = r.items.find((i) => i.variantId === l.variantId && (l.productId === undefined || i.productId === l.productId));
    return sum + (line ? line.unitPrice.amount * l.quantity : 0);
  }, 0);
  const goodsPaid = r.total.amount - r.shipping.amount;
  const earlier = (r.refunds ?? []).filter((f) => f.reason === 'return').reduce((n, f) => n + f.amount.amount, 0);
  const share = r.subtotal.amount > 0 ? Math.round((value * goodsPaid) / r.subtotal.amount) : 0;
  const amount = completesOrder && earlier > 0 ? goodsPaid - earlier : share;
  const left = paymentAmountsOf(r).captured - paymentAmountsOf(r).refunded;
  return money(Math.max(0, Math.min(amount, left)), r.total.currency);
}

/** The ledger entry of a return's refund: the first keeps the id it had before partial returns existed. */
export function returnRefundEntryId(sequence: number): string {
  return sequence <= 1 ? 'refund#return' : `refund#return#${sequence}`;
}

/**
 * RETURN_REQUESTED → RETURNED when every unit bought is now back, else PARTIALLY_RETURNED: restocked unless damaged,
 * each line's returnedQuantity counted up, and refunded in the same transaction.
 */
export async function receiveReturn(userId: string, orderId: string, options: { damaged: boolean }, now = new Date()): Promise<Order> {
  let refund: Money | undefined;
  let entryId = returnRefundEntryId(1);
  const record = await transitionWithRereads(
    () => systemRecord(userId, orderId),
    (r) => {
      entryId = returnRefundEntryId(r.returnRequest?.sequence ?? 1);
      if (r.status !== 'RETURN_REQUESTED') return null;
      const lines = (r.returnRequest?.lines ?? []).map((l) => ({
        productId: l.productId ?? r.items.find((i) => i.variantId === l.variantId)?.productId ?? '',
        variantId: l.variantId,
        quantity: l.quantity,
      }));
      const items = r.items.map((i) => {
        const back = lines.filter((l) => l.variantId === i.variantId && l.productId === i.productId).reduce((n, l) => n + l.quantity, 0);
        return { ...i, returnedQuantity: Math.min(i.quantity, (i.returnedQuantity ?? 0) + back) };
      });
      const everything = items.every((i) => i.returnedQuantity >= i.quantity);
      refund = returnRefundAmount(r, everything);
      const refunds: StoredRefund[] =
        refund.amount > 0 ? [...(r.refunds ?? []), { at: now.toISOString(), amount: refund, reason: 'return', entryId }] : (r.refunds ?? []);
      return {
        record: r,
        to: everything ? 'RETURNED' : 'PARTIALLY_RETURNED',
        actor: SYSTEM,
        note: options.damaged ? 'Return received damaged: not restocked' : 'Return received and restocked',
        set: { returnDamaged: options.damaged, items, refunds },
        restock: options.damaged ? [] : lines,
        ...(refund.amount > 0 ? { movement: { kind: 'refund' as const, amount: refund, entryId, reason: 'Return received' } } : {}),
      };
    },
  );
  // On a redelivery the amount is the one the ledger recorded the first time.
  const amount = refund ?? (await readLedger(record.orderId)).find((e) => e.entryId === entryId)?.amount;
  if ((record.status === 'RETURNED' || record.status === 'PARTIALLY_RETURNED') && amount && amount.amount > 0) {
    await settle('refund', record, () =>
      getPaymentProvider().refund({ authorizationId: record.payment.authorizationId, amount, idempotencyKey: `${record.orderId}:${entryId}` }),
    );
  }
  return toOrder(record);
}
