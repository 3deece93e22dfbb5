import 'server-only';
import type { Order, OrderStatus } from '../orders';
import type { OrderEmailEvent } from './order-email-templates';
import { type EmailOutcome, sendOrderEmail } from './send-order-email';

// Account emails (welcome, password changed, account deleted), sent by server/account.
export { forgetWelcome, sendAccountEmail } from './account-emails';
// Campaign emails (server/campaigns): once per (campaign, recipient), with the one-click unsubscribe headers.
export { type MailHeader, type RenderedEmail, sendEmailOnce } from './send-once';

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
