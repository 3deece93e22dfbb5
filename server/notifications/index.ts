import 'server-only';
import type { Order, OrderStatus } from '../orders';
import type { OrderEmailEvent } from './order-email-templates';
import { type EmailOutcome, sendOrderEmail } from './send-order-email';

// Public entry of the notifications domain (SES v2): the email an order's new status calls for, sent by the
// orders-stream consumer (never in the request path), at most once per (order, event).

const EMAIL_FOR_STATUS: Partial<Record<OrderStatus, OrderEmailEvent>> = {
  PLACED: 'confirmation',
  SHIPPED: 'shipped',
  CANCELLED: 'cancelled',
  RETURN_REQUESTED: 'return-received',
  RETURNED: 'refunded',
};

export async function notifyOrderStatus(order: Order): Promise<EmailOutcome | 'none'> {
  const event = EMAIL_FOR_STATUS[order.status];
  return event ? sendOrderEmail(order, event) : 'none';
}

// Alert mail (server/alerts): the same once-only path, keyed by subscription and transition.
export { alertEmail } from './alert-email-templates';
export { type EmailOutcome, sendEmailOnce } from './send-email-once';
