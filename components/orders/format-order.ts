import type { OrderStatus } from '@/server/orders/order-types';

export const STATUS_LABELS: Record<OrderStatus, string> = {
  PLACED: 'Placed',
  PROCESSING: 'Processing',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
  RETURN_REQUESTED: 'Return requested',
  RETURNED: 'Returned',
};

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

/** UTC on purpose: the page renders on the server, which knows nothing of the shopper's time zone. */
export function orderDate(iso: string, withTime = false): string {
  return `${(withTime ? dateTimeFormat : dateFormat).format(new Date(iso))}${withTime ? ' UTC' : ''}`;
}
