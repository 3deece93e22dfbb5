import 'server-only';

// Public entry of the orders domain: reads for the pages and routes, and the order Put checkout writes.
export type { Order, OrderLine, OrderRecord, OrderStatus, OrderSummary, PaymentSummary, ShippingAddress } from './order-types';
export { getOrder, listOrders } from './read-orders';
export { newOrderId, ORDER_ID_PATTERN } from './order-id';
export { putOrderItem } from './order-store';
export { toOrder } from './to-order';
