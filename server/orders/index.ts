import 'server-only';

// Account deletion (server/account): orders kept for the books without name, email or address.
export { anonymiseOrdersOf } from './anonymise-orders';
export { claimGuestOrders } from './claim-guest-orders';
// Public entry of the orders domain: reads for the pages and routes, the order Put checkout writes, the state
// machine after checkout (shoppers, operations and the warehouse) and the search and live status behind them.
export type {
  Order,
  OrderRecord,
  OrderStatus,
  RefundReason,
  StoredRefund,
} from './contract';
export { RETURN_WINDOW_DAYS } from './contract';
// Fraud holds (docs/fraud.md): the operations view with `risk`, the review decision, the queue and the expiry sweep.
export { hasEarlierOrder } from './earlier-orders';
export { GUEST_OWNER_PATTERN, guestOrderOwner, isGuestOwner } from './guest-owner';
export { expireHolds, findOrderForOperations, listHeldOrders, reviewHeldOrder } from './held-orders';
export { startHoldExpirySweep } from './hold-expiry';
// The operations console's inputs (the /admin/orders pages and /api/admin/orders routes).
export { isOrderId, ORDER_STATUSES, operationsOrdersQuery, refundBody, reviewBody } from './operations-input';
export { newOrderId } from './order-id';
export { acceptOrder, cancelOrder, deliverOrder, receiveReturn, refundOrder, requestReturn, shipOrder } from './order-lifecycle';
// The human order number: drawn at checkout, made unique by its own item in checkout's transaction, and resolved
// to the order id by one GetItem (the operations search, the order routes and pages).
export { findOrderIdByNumber, newOrderNumber, putOrderNumberItem } from './order-number';
export { putOrderItem } from './order-store';
export { findGuestOrder, getOrder, listOrders, recentlyPurchasedProductIds } from './read-orders';
// The reviews domain's verified-buyer check.
export { hasReceivedProduct } from './received-products';
export { resolveOrderRef } from './resolve-order-ref';
export { returnRequestSchema } from './return-request-schema';
export { searchOrders } from './search-orders';
export { toOrder } from './to-order';
export { orderStatusReaders, watchOrderStatus } from './watch-order-status';
