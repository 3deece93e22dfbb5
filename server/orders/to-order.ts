import { money } from '../money';
import type { Order, OrderRecord, OrderSummary, PaymentAmounts, TimelineEntry } from './order-types';

// Stored records to the API's shapes: provider ids, user ids and tax internals stay inside. Orders written before
// the lifecycle fields existed read with defaults: the timeline starts at createdAt, the hold is authorised for
// the total, nothing is captured.

export function timelineOf(r: OrderRecord): TimelineEntry[] {
  return r.timeline && r.timeline.length > 0 ? r.timeline : [{ at: r.createdAt, status: 'PLACED', by: 'shopper' }];
}

export function paymentAmountsOf(r: OrderRecord): PaymentAmounts {
  return r.paymentAmounts ?? { authorized: r.total.amount, captured: 0, refunded: 0, status: 'AUTHORIZED' };
}

export function toOrder(r: OrderRecord): Order {
  const amounts = paymentAmountsOf(r);
  const currency = r.total.currency;
  return {
    id: r.orderId,
    status: r.status,
    createdAt: r.createdAt,
    email: r.email ?? '',
    items: r.items,
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
    timeline: timelineOf(r),
    returnRequest: r.returnRequest ?? null,
  };
}

export function toOrderSummary(r: Pick<OrderRecord, 'orderId' | 'status' | 'createdAt' | 'items' | 'total'>): OrderSummary {
  return {
    id: r.orderId,
    status: r.status,
    createdAt: r.createdAt,
    itemCount: r.items.reduce((n, i) => n + i.quantity, 0),
    total: r.total,
    firstItemName: r.items[0]?.name ?? '',
  };
}
