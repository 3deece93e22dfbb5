import 'server-only';
import type { Order, OrderStatus } from '../orders';
import type { OrderEmailEvent } from './order-email-templates';
import { type EmailOutcome, sendOrderEmail } from './send-order-email';

// Account emails (welcome, password changed, account deleted), sent by server/account.
export { forgetWelcome, sendAccountEmail } from './account-emails';

// Campaign emails (server/campaigns): once per (campaign, recipient), with the one-click unsubscribe headers.

// Public entry of the notifications domain (SES v2): the email an order's new status calls for, sent by the
// orders-stream consumer (never in the request path), at most once per (order, event).

const EMAIL_FOR_STATUS: Partial<Record<OrderStatus, OrderEmailEvent>> = {
  PLACED: 'confirmation',
  SHIPPED: 'shipped',
  CANCELLED: 'cancelled',
  RETURN_REQUESTED: 'return-received',
  RETURNED: 'refunded',
};

/** `orderLink`: where the mail sends a guest to see the order (a signed link, server/guest-orders). */
export async function notifyOrderStatus(order: Order, options: { orderLink?: string } = {}): Promise<EmailOutcome | 'none'> {
  const event = EMAIL_FOR_STATUS[order.status];
  return event ? sendOrderEmail(order, event, options) : 'none';
}

// Alert mail (server/alerts): the same once-only path, keyed by subscription and transition.
export { alertEmail } from './alert-email-templates';
// Campaign emails (server/campaigns) too: once per (campaign, recipient), with the one-click unsubscribe headers.
export { type EmailOutcome, type MailHeader, type RenderedEmail, sendEmailOnce } from './send-email-once';
