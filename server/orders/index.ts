import 'server-only';
import { readOrderRecordById } from './order-store';
import type { Order } from './order-types';
import { toOrder } from './to-order';

// Account deletion (server/account): orders kept for the books without name, email or address.
export { anonymiseOrdersOf } from './anonymise-orders';
export { newOrderId } from './order-id';
export { acceptOrder, cancelOrder, deliverOrder, receiveReturn, refundOrder, requestReturn, shipOrder } from './order-lifecycle';
export { putOrderItem } from './order-store';
// Public entry of the orders domain: reads for the pages and routes, the order Put checkout writes, the state
// machine after checkout (shoppers, operations and the warehouse) and the search and live status behind them.
export type {
  Order,
  OrderRecord,
  OrderStatus,
} from './order-types';
export { getOrder, listOrders } from './read-orders';
export { returnRequestSchema } from './return-request-schema';
export { searchOrders } from './search-orders';
export { toOrder } from './to-order';
export { watchOrderStatus } from './watch-order-status';

/** Any order by id, with no ownership check: for operations and the system only (their callers check the group). */
export async function findOrderById(orderId: string): Promise<Order | null> {
  const record = await readOrderRecordById(orderId);
  return record ? toOrder(record) : null;
}
// The operations console's inputs (the /admin/orders pages and /api/admin/orders routes).
export { isOrderId, ORDER_STATUSES, operationsOrdersQuery, refundBody } from './operations-input';
