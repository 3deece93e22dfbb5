import { money } from '../platform/money';
import type { OperationsOrder, Order, OrderRecord, OrderSummary, PaymentAmounts, Refund, TimelineEntry } from './contract';

// Stored records to the API's shapes: provider ids, user ids and tax internals stay inside. Orders written before
// the lifecycle fields existed read with defaults: the timeline starts at createdAt, the hold is authorised for
// the total, nothing is captured. Two audiences: the shopper's view (toOrder) never carries a staff note; the
// operations view (toOperationsOrder) adds them back on the timeline.

/** Before issue 28 a refund by operations wrote its staff reason into the note with the amount in minor units. */
const LEGACY_REFUND_NOTE = /^Refunded \d+ minor units/;

export function timelineOf(r: OrderRecord): TimelineEntry[] {
  return r.timeline && r.timeline.length > 0 ? r.timeline : [{ at: r.createdAt, status: 'PLACED', by: 'shopper' }];
}

export function paymentAmountsOf(r: OrderRecord): PaymentAmounts {
  return r.paymentAmounts ?? { authorized: r.total.amount, captured: 0, refunded: 0, status: 'AUTHORIZED' };
}

/**
 * Refunds in shopper words. Orders refunded before refunds were listed have only the ledger's total: it shows as one
 * refund at the last refund-looking moment of the timeline, reason 'other'.
 */
export function refundsOf(r: OrderRecord): Refund[] {
  if (r.refunds) return r.refunds.map(({ at, amount, reason }) => ({ at, amount, reason }));
  const refunded = paymentAmountsOf(r).refunded;
  if (refunded <= 0) return [];
  const timeline = timelineOf(r);
  const at = [...timeline].reverse().find((e) => e.status === 'RETURNED' || LEGACY_REFUND_NOTE.test(e.note ?? ''))?.at ?? timeline[timeline.length - 1]!.at;
  return [{ at, amount: money(refunded, r.total.currency), reason: timeline.some((e) => e.status === 'RETURNED') ? 'return' : 'other' }];
}

/** The shopper's timeline: operations' notes are theirs alone (a legacy refund entry keeps only that it was one). */
function shopperTimeline(r: OrderRecord): TimelineEntry[] {
  return timelineOf(r).map(({ staffNote: _staff, ...e }) => {
    const legacyRefund = e.by === 'operations' && LEGACY_REFUND_NOTE.test(e.note ?? '');
    if (legacyRefund) return { at: e.at, status: e.status, by: e.by, event: 'refund' as const };
    if (e.by === 'operations' && !e.event) {
      const { note: _note, ...rest } = e;
      return rest;
    }
    return e;
  });
}

export function toOrder(r: OrderRecord): Order {
  const amounts = paymentAmountsOf(r);
  const currency = r.total.currency;
  return {
    id: r.orderId,
    number: r.number ?? r.orderId,
    status: r.status,
    createdAt: r.createdAt,
    email: r.email ?? '',
    items: r.items.map((i) => ({ ...i, returnedQuantity: i.returnedQuantity ?? 0 })),
    subtotal: r.subtotal,
    discount: r.discount ?? money(0, currency),
    discountCodes: r.discountCodes ?? [],
    discounts: r.discounts ?? [],
    shipping: r.shipping,
    tax: r.tax,
    total: r.total,
    shippingAddress: r.shippingAddress,
    shippingMethod: r.shippingMethod,
    payment: {
      brand: r.payment.brand,
      last4: r.payment.last4,
      status: amounts.status,
      authorized: money(amounts.authorized, currency),
      captured: money(amounts.captured, currency),
      refunded: money(amounts.refunded, currency),
    },
    fulfilment: r.fulfilment ?? null,
    timeline: shopperTimeline(r),
    returnRequest: r.returnRequest ?? null,
    refunds: refundsOf(r),
  };
}

/** The operations console's view: the shopper's, with every staff note on the timeline. */
export function toOperationsOrder(r: OrderRecord): OperationsOrder {
  return {
    ...toOrder(r),
    timeline: timelineOf(r),
    // Fraud screening's verdict and a hold's expiry (docs/fraud.md): operations only, never on the shopper's view.
    risk: r.risk ?? null,
    holdExpiresAt: r.status === 'ON_HOLD' ? (r.holdExpiresAt ?? null) : null,
  };
}

export function toOrderSummary(r: Pick<OrderRecord, 'orderId' | 'number' | 'status' | 'createdAt' | 'items' | 'total'>): OrderSummary {
  return {
    id: r.orderId,
    number: r.number ?? r.orderId,
    status: r.status,
    createdAt: r.createdAt,
    itemCount: r.items.reduce((n, i) => n + i.quantity, 0),
    total: r.total,
    firstItemName: r.items[0]?.name ?? '',
  };
}
