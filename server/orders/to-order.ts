import type { Order, OrderRecord, OrderSummary } from './order-types';

// Stored records to the API's shapes: provider ids, user ids and tax internals stay inside.

export function toOrder(r: OrderRecord): Order {
  return {
    id: r.orderId,
    status: r.status,
    createdAt: r.createdAt,
    items: r.items,
    subtotal: r.subtotal,
    shipping: r.shipping,
    tax: r.tax,
    total: r.total,
    shippingAddress: r.shippingAddress,
    shippingMethod: r.shippingMethod,
    payment: { brand: r.payment.brand, last4: r.payment.last4 },
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
