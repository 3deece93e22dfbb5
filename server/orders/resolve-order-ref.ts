import { ORDER_ID_PATTERN } from './order-id';
import { findOrderIdByNumber } from './order-number';

/**
 * What a route or page was given — an order id or a human number (API.md: routes accept the number where they
 * accept the id) — as the order id, or null when it is neither or no order has that number. An id is returned as
 * is: whoever reads the order next reads it under the caller's key, which is the ownership check.
 */
export async function resolveOrderRef(ref: string): Promise<string | null> {
  if (ORDER_ID_PATTERN.test(ref)) return ref;
  return findOrderIdByNumber(ref);
}
