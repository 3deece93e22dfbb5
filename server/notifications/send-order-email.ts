import type { Order } from '../orders';
import { siteUrl } from '../platform/site';
import { type EmailOutcome, sendEmailOnce } from './send-email-once';
import { type OrderEmailEvent, orderEmail } from './templates/order-emails';

// Order mail: at most once per (order, event), through the one claim-then-send path (send-email-once.ts). `marker`
// names the occurrence when an event can happen more than once on one order (a second return, each refund).

export type { EmailOutcome } from './send-email-once';

export type OrderEmailOptions = {
  /** A guest's signed link to the order; an account's order links to its page. */
  orderLink?: string;
  refund?: Parameters<typeof orderEmail>[1]['refund'];
  marker?: string;
};

export async function sendOrderEmail(order: Order, event: OrderEmailEvent, options: OrderEmailOptions = {}): Promise<EmailOutcome> {
  const orderUrl = options.orderLink ?? siteUrl(`/orders/${encodeURIComponent(order.id)}`);
  return sendEmailOnce({ subject: order.id, event: options.marker ?? event }, order.email || undefined, () =>
    orderEmail(event, { order, orderUrl, siteOrigin: siteUrl('/'), ...(options.refund ? { refund: options.refund } : {}) }),
  );
}
