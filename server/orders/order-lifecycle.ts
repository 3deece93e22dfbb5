import { AppError } from '../errors';
import { type Money, money } from '../money';
import { logger } from '../observability';
import { getPaymentProvider, readLedger } from '../payments';
import { releaseItems } from '../promotions';
import { commitTransition, type StockMove, type Transition } from './commit-transition';
import { readOrderRecord, readOrderRecordById } from './order-store';
import type { Fulfilment, Order, OrderActor, OrderRecord, OrderStatus } from './order-types';
import { paymentAmountsOf, toOrder } from './to-order';

// The order state machine (docs/orders.md):
//   PLACED → PROCESSING → SHIPPED → DELIVERED;  PLACED | PROCESSING → CANCELLED;  DELIVERED → RETURN_REQUESTED → RETURNED
// Shoppers cancel and ask for returns; operations cancel and refund; the warehouse (server/fulfilment, as
// 'system') accepts, ships, delivers and receives returns. Money moves in the transition that causes it; the
// processor is called after the commit with the ledger entry's key, so a repeat is answered, never repeated.

const log = logger.child({ component: 'orders' });
const CANCELLABLE: readonly OrderStatus[] = ['PLACED', 'PROCESSING'];
const RETURN_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;
/** A lost race is read again and judged afresh this many times before the caller gets the 409. */
const ATTEMPTS = 3;

const notFound = () => new AppError('NOT_FOUND', 'There is no such order in your account.');

async function readFor(orderId: string, actor: OrderActor): Promise<OrderRecord> {
  const record = actor.by === 'shopper' ? await readOrderRecord(actor.userId, orderId) : await readOrderRecordById(orderId);
  if (!record) throw actor.by === 'shopper' ? notFound() : new AppError('NOT_FOUND', 'There is no such order.');
  return record;
}

/** Reads, plans and commits; a lost race (CONFLICT from the write) is read again and planned afresh. */
async function transitionWithRereads(read: () => Promise<OrderRecord>, plan: (r: OrderRecord) => Transition | null): Promise<OrderRecord> {
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

/** Cancels while PLACED or PROCESSING: every line restocked and the hold voided, in one transaction. */
export async function cancelOrder(orderId: string, actor: OrderActor): Promise<Order> {
  const record = await transitionWithRereads(
    () => readFor(orderId, actor),
    (r) => {
      if (!CANCELLABLE.includes(r.status)) {
        throw new AppError('ORDER_NOT_CANCELLABLE', `The order is ${r.status.toLowerCase().replace('_', ' ')} and can no longer be cancelled.`);
      }
      return {
        record: r,
        to: 'CANCELLED',
        actor,
        note: actor.by === 'shopper' ? 'Cancelled by the shopper' : actor.by === 'operations' ? 'Cancelled by operations' : 'Cancelled',
        restock: allLines(r),
        // In the same transaction as the status change from PLACED/PROCESSING: given back exactly once.
        alsoWrite: releaseItems(r.redemptions ?? []),
        movement: { kind: 'void', amount: money(0, r.total.currency), entryId: 'void' },
      };
    },
  );
  await settle('void', record, () => getPaymentProvider().void(record.payment.authorizationId)).catch(() => undefined);
  return toOrder(record);
}

export type ReturnInput = { lines: { variantId: string; productId?: string; quantity: number }[]; reason: string };

/** The shopper asks to send back delivered lines (within 30 days of delivery). */
export async function requestReturn(orderId: string, userId: string, input: ReturnInput, now = new Date()): Promise<Order> {
  const actor: OrderActor = { by: 'shopper', userId };
  const record = await transitionWithRereads(
    () => readFor(orderId, actor),
    (r) => {
      if (r.status !== 'DELIVERED') throw new AppError('CONFLICT', 'Only a delivered order can be returned.');
      const deliveredAt = Date.parse(r.fulfilment?.deliveredAt ?? r.createdAt);
      if (now.getTime() - deliveredAt > RETURN_WINDOW_MS) throw new AppError('CONFLICT', 'Returns are accepted within 30 days of delivery.');
      const lines = returnLines(r, input.lines);
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
    if (quantity > line.quantity) throw new AppError('CONFLICT', `Only ${line.quantity} of ${line.name} were bought.`, { details: { variantId: a.variantId } });
    merged.set(key, { productId: line.productId, variantId: line.variantId, quantity });
  }
  return [...merged.values()];
}

/** Money back by operations (amount ≤ captured − refunded); the status stays, the timeline says why. */
export async function refundOrder(orderId: string, input: { amount: Money; reason: string; actor: OrderActor }): Promise<Order> {
  const record = await transitionWithRereads(
    () => readFor(orderId, input.actor),
    (r) => {
      if (input.amount.currency !== r.total.currency) throw new AppError('VALIDATION_FAILED', `Refunds are in ${r.total.currency}.`);
      // The version names the refund: a form sent twice against the same order state refunds once.
      return {
        record: r,
        to: r.status,
        actor: input.actor,
        note: `Refunded ${input.amount.amount} minor units: ${input.reason}`,
        movement: { kind: 'refund', amount: input.amount, entryId: `refund#v${r.version ?? 0}`, reason: input.reason },
      };
    },
  );
  const entryId = `refund#v${(record.version ?? 1) - 1}`;
  await settle('refund', record, () =>
    getPaymentProvider().refund({ authorizationId: record.payment.authorizationId, amount: input.amount, idempotencyKey: `${record.orderId}:${entryId}` }),
  );
  return toOrder(record);
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

/** What a return gives back: the returned lines' share of what was paid for goods (total less shipping). */
function returnRefundAmount(r: OrderRecord): Money {
  const lines = r.returnRequest?.lines ?? [];
  const value = lines.reduce((sum, l) => {
    const line = r.items.find((i) => i.variantId === l.variantId && (l.productId === undefined || i.productId === l.productId));
    return sum + (line ? line.unitPrice.amount * l.quantity : 0);
  }, 0);
  const goodsPaid = r.total.amount - r.shipping.amount;
  const amount = r.subtotal.amount > 0 ? Math.round((value * goodsPaid) / r.subtotal.amount) : 0;
  const left = paymentAmountsOf(r).captured - paymentAmountsOf(r).refunded;
  return money(Math.max(0, Math.min(amount, left)), r.total.currency);
}

/** RETURN_REQUESTED → RETURNED: restocked unless damaged, refunded in the same transaction. */
export async function receiveReturn(userId: string, orderId: string, options: { damaged: boolean }): Promise<Order> {
  let refund: Money | undefined;
  const record = await transitionWithRereads(
    () => systemRecord(userId, orderId),
    (r) => {
      if (r.status !== 'RETURN_REQUESTED') return null;
      refund = returnRefundAmount(r);
      const lines = (r.returnRequest?.lines ?? []).map((l) => ({
        productId: l.productId ?? r.items.find((i) => i.variantId === l.variantId)?.productId ?? '',
        variantId: l.variantId,
        quantity: l.quantity,
      }));
      return {
        record: r,
        to: 'RETURNED',
        actor: SYSTEM,
        note: options.damaged ? 'Return received damaged: not restocked' : 'Return received and restocked',
        set: { returnDamaged: options.damaged },
        restock: options.damaged ? [] : lines,
        ...(refund.amount > 0 ? { movement: { kind: 'refund' as const, amount: refund, entryId: 'refund#return', reason: 'Return received' } } : {}),
      };
    },
  );
  // On a redelivery the amount is the one the ledger recorded the first time.
  const amount = refund ?? (await readLedger(record.orderId)).find((e) => e.entryId === 'refund#return')?.amount;
  if (record.status === 'RETURNED' && amount && amount.amount > 0) {
    await settle('refund', record, () =>
      getPaymentProvider().refund({ authorizationId: record.payment.authorizationId, amount, idempotencyKey: `${record.orderId}:refund#return` }),
    );
  }
  return toOrder(record);
}
