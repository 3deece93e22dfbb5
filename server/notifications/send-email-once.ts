import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc, sesClient } from '../aws/clients';
import { getConfig } from '../config';
import { isConditionalCheckFailure, tableName, withRetry } from '../db';
import { errorText, logger } from '../observability';

// Exactly once per (subject, event): a sent-marker is claimed with a conditional Put before the send, so a
// redelivered stream record finds it and sends nothing. When SES keeps failing the claim is released (a later
// delivery of the event may try again) and the failure logged; it is never thrown, so an email outage cannot
// hold up a stream. A process killed between the claim and the send loses that one email rather than ever
// sending two (docs/orders.md). `subject` is an order id for order mail, an alert subscription for alerts.

const log = logger.child({ component: 'notifications' });

export type EmailOutcome = 'sent' | 'already-sent' | 'no-recipient' | 'failed';
export type RenderedEmail = { subject: string; html: string; text: string };
/** Extra message headers (campaigns: List-Unsubscribe and List-Unsubscribe-Post), sent with SES v2 Simple content. */
export type MailHeader = { name: string; value: string };

export async function sendEmailOnce(
  marker: { subject: string; event: string },
  to: string | undefined,
  mail: () => RenderedEmail,
  headers: MailHeader[] = [],
): Promise<EmailOutcome> {
  if (!to) return 'no-recipient';
  // The table's key names predate alert mail: `orderId` holds whatever the mail is about.
  const key = { orderId: marker.subject, event: marker.event };
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
    log.error('email marker could not be written; not sent', { ...marker, err: errorText(err) });
    return 'failed';
  }
  const rendered = mail();
  try {
    await withRetry(
      () =>
        sesClient().send(
          new SendEmailCommand({
            FromEmailAddress: getConfig().MAIL_FROM,
            Destination: { ToAddresses: [to] },
            Content: {
              Simple: {
                Subject: { Data: rendered.subject },
                Body: { Html: { Data: rendered.html }, Text: { Data: rendered.text } },
                ...(headers.length > 0 ? { Headers: headers.map((h) => ({ Name: h.name, Value: h.value })) } : {}),
              },
            },
          }),
        ),
      { attempts: 3, baseDelayMs: 200, maxDelayMs: 1_000, retryOn: () => true },
    );
    return 'sent';
  } catch (err) {
    log.error('email not sent after retries', { ...marker, err: errorText(err) });
    await dynamoDoc()
      .send(new DeleteCommand({ TableName: tableName('notifications'), Key: key }))
      .catch(() => undefined);
    return 'failed';
  }
}
