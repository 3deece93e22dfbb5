import 'server-only';
import type { Order, OrderStatus, StoredRefund } from '../orders';
import { type EmailOutcome, sendOrderEmail } from './send-order-email';
import type { OrderEmailEvent } from './templates/order-emails';

// Account emails (welcome, password changed, account deleted), sent by server/account.
export { forgetWelcome, sendAccountEmail } from './account-emails';

// Public entry of the notifications domain (SES v2): the email an order's new status calls for, sent by the
// orders-stream consumer (never in the request path), at most once per (order, event). Every template lives in
// ./templates (react-email components on one layout); `npm run emails:render` draws them into docs/emails.

const EMAIL_FOR_STATUS: Partial<Record<OrderStatus, OrderEmailEvent>> = {
  PLACED: 'confirmation',
  SHIPPED: 'shipped',
  DELIVERED: 'delivered',
  CANCELLED: 'cancelled',
  RETURN_REQUESTED: 'return-received',
  RETURNED: 'refunded',
  PARTIALLY_RETURNED: 'refunded',
};

/** `orderLink`: where the mail sends a guest to see the order (a signed link, server/guest-orders). */
export async function notifyOrderStatus(order: Order, options: { orderLink?: string } = {}): Promise<EmailOutcome | 'none'> {
  const event = EMAIL_FOR_STATUS[order.status];
  if (!event) return 'none';
  // A partly returned order may be returned again: the second return's mails are their own (order, event) pair.
  const sequence = order.returnRequest?.sequence ?? 1;
  const returnEvent = event === 'return-received' || event === 'refunded';
  return sendOrderEmail(order, event, { ...options, ...(returnEvent && sequence > 1 ? { marker: `${event}#${sequence}` } : {}) });
}

/**
 * One email per refund operations made (a return's refund is told by the return's own mail), keyed by the refund's
 * ledger entry: the stream calls this on every change of the order, and each refund is mailed once.
 */
export async function notifyRefunds(order: Order, refunds: readonly StoredRefund[], options: { orderLink?: string } = {}): Promise<EmailOutcome[]> {
  const outcomes: EmailOutcome[] = [];
  for (const r of refunds) {
    if (r.reason === 'return' && r.entryId.startsWith('refund#return')) continue;
    outcomes.push(await sendOrderEmail(order, 'refund', { ...options, refund: { amount: r.amount, reason: r.reason }, marker: r.entryId }));
  }
  return outcomes;
}

// Alert mail (server/alerts): the same once-only path, keyed by subscription and transition.
export { alertEmail } from './alert-email-templates';
// The mail queue's consumer (Lambda handler and the local stack's worker; docs/orders.md "Mail").
export { mailBackoffSeconds, mailQueueHandler, startMailWorker } from './mail-queue';
// Campaign emails (server/campaigns) too: once per (campaign, recipient), with the one-click unsubscribe headers.
export { type EmailOutcome, type MailHeader, type RenderedEmail, sendEmailOnce } from './send-email-once';
export { type CampaignPick, campaignEmailContent } from './templates/campaign-email';
