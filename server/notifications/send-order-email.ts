import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc, sesClient } from '../aws/clients';
import { getConfig } from '../config';
import { isConditionalCheckFailure, tableName, withRetry } from '../db';
import { errorText, logger } from '../observability';
import type { Order } from '../orders';
import { type OrderEmailEvent, orderEmailTemplate, renderEmail } from './order-email-templates';

// Exactly once per (order, event): a sent-marker is claimed with a conditional Put before the send, so a
// redelivered stream record finds it and sends nothing. When SES keeps failing the claim is released (a later
// delivery of the event may try again) and the failure logged; it is never thrown, so an email outage cannot
// hold up the stream or an order. A process killed between the claim and the send loses that one email rather
// than ever sending two (docs/orders.md).

const log = logger.child({ component: 'notifications' });

export type EmailOutcome = 'sent' | 'already-sent' | 'no-recipient' | 'failed';

export async function sendOrderEmail(order: Order, event: OrderEmailEvent, options: { orderLink?: string } = {}): Promise<EmailOutcome> {
  if (!order.email) return 'no-recipient';
  const key = { orderId: order.id, event };
  try {
    await dynamoDoc().send(
      new PutCommand({
        TableName: tableName('notifications'),
        Item: { ...key, claimedAt: new Date().toISOString() },
        ConditionExpression: 'attribute_not_exists(orderId)',
      }),
    );
  } catch (err) {
    if (isConditionalCheckFailure(err)) return 'already-sent';
    log.error('email marker could not be written; not sent', { orderId: order.id, event, err: errorText(err) });
    return 'failed';
  }
  const mail = renderEmail(orderEmailTemplate(event, order, options));
  try {
    await withRetry(
      () =>
        sesClient().send(
          new SendEmailCommand({
            FromEmailAddress: getConfig().MAIL_FROM,
            Destination: { ToAddresses: [order.email] },
            Content: { Simple: { Subject: { Data: mail.subject }, Body: { Html: { Data: mail.html }, Text: { Data: mail.text } } } },
          }),
        ),
      { attempts: 3, baseDelayMs: 200, maxDelayMs: 1_000, retryOn: () => true },
    );
    return 'sent';
  } catch (err) {
    log.error('email not sent after retries', { orderId: order.id, event, err: errorText(err) });
    await dynamoDoc()
      .send(new DeleteCommand({ TableName: tableName('notifications'), Key: key }))
      .catch(() => undefined);
    return 'failed';
  }
}
