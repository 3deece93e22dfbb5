import type { Order } from '../orders';
import { type OrderEmailEvent, orderEmailTemplate, renderEmail } from './order-email-templates';
import { type EmailOutcome, sendEmailOnce } from './send-once';

// Exactly once per (order, event), through the sent-marker of send-once.ts.

export type { EmailOutcome } from './send-once';

export async function sendOrderEmail(order: Order, event: OrderEmailEvent): Promise<EmailOutcome> {
  if (!order.email) return 'no-recipient';
  return sendEmailOnce({ orderId: order.id, event }, order.email, renderEmail(orderEmailTemplate(event, order)));
}
