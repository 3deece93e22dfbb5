import type { Order } from '../orders';
import { type OrderEmailEvent, orderEmailTemplate, renderEmail } from './order-email-templates';
import { type EmailOutcome, sendEmailOnce } from './send-email-once';

// Order mail: at most once per (order, event), through the one claim-then-send path (send-email-once.ts).

export type { EmailOutcome } from './send-email-once';

export async function sendOrderEmail(order: Order, event: OrderEmailEvent, options: { orderLink?: string } = {}): Promise<EmailOutcome> {
  return sendEmailOnce({ subject: order.id, event }, order.email || undefined, () => renderEmail(orderEmailTemplate(event, order, options)));
}
