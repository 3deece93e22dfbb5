import type { OrderStatus } from '@/server/orders/contract';

export const STATUS_LABELS: Record<OrderStatus, string> = {
  PLACED: 'Placed',
  PROCESSING: 'Processing',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
  RETURN_REQUESTED: 'Return requested',
  RETURNED: 'Returned',
  PARTIALLY_RETURNED: 'Partly returned',
  ON_HOLD: 'Being checked',
};

// One date format on every order page ("December 1, 2026", with the time "December 1, 2026 at 6:04 PM UTC").
// Rendered on the server in UTC, saying so; LocalTime (local-time.tsx) moves moments to the shopper's zone.
const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

export function orderDate(iso: string, withTime = false): string {
  return `${(withTime ? dateTimeFormat : dateFormat).format(new Date(iso))}${withTime ? ' UTC' : ''}`;
}

/** A calendar day kept as `2026-12-10` (a delivery estimate): the same day everywhere, in the same format. */
export function calendarDay(day: string): string {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T12:00:00Z` : day;
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? day : dateFormat.format(d);
}
