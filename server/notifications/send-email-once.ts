import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc, sesClient } from '../platform/aws/clients';
import { getConfig } from '../platform/config';
import { isConditionalCheckFailure, tableName, withRetry } from '../platform/db';
import { errorText, logger } from '../platform/observability';
import { enqueueMail } from './mail-queue-client';
import type { RenderedEmail } from './templates/render';

// Exactly once per (subject, event): a sent-marker is claimed with a conditional Put before the send, so a
// redelivered stream record (or a redelivered queue message) finds it and sends nothing.
//
// With a mail queue (MAIL_QUEUE_URL; docs/orders.md "Mail") the mail is rendered here and queued; the mail
// function claims and sends it, and when SES keeps failing (throttled, down) it releases the claim and throws, so
// the queue delivers the message again later with back-off: delayed, never lost, never doubled. Without a queue (or
// when SQS does not take the message) it is sent inline: the claim is released on failure and the failure logged,
// never thrown, so an email outage cannot hold up a stream. A process killed between the claim and the send loses
// that one email rather than ever sending two.

const log = logger.child({ component: 'notifications' });

export type EmailOutcome = 'sent' | 'queued' | 'already-sent' | 'no-recipient' | 'failed';
export type { RenderedEmail } from './templates/render';
/** Extra message headers (campaigns: List-Unsubscribe and List-Unsubscribe-Post), sent with SES v2 Simple content. */
export type MailHeader = { name: string; value: string };
export type MailMarker = { subject: string; event: string };

export async function sendEmailOnce(
  marker: MailMarker,
  to: string | undefined,
  mail: () => RenderedEmail | Promise<RenderedEmail>,
  headers: MailHeader[] = [],
  options: { inline?: boolean } = {},
): Promise<EmailOutcome> {
  if (!to) return 'no-recipient';
  const queued = getConfig().MAIL_QUEUE_URL && !options.inline;
  if (!queued) return deliverOnce(marker, to, mail, headers, 'log');
  let rendered: RenderedEmail;
  try {
    rendered = await mail();
  } catch (err) {
    log.error('email could not be rendered; not sent', { ...marker, err: errorText(err) });
    return 'failed';
  }
  try {
    await enqueueMail({ marker, to, mail: rendered, headers });
    return 'queued';
  } catch (err) {
    log.warn('mail queue did not take the email; sending it inline', { ...marker, err: errorText(err) });
    return deliverOnce(marker, to, () => rendered, headers, 'log');
  }
}

/**
 * Claims the marker, then sends. `onFailure: 'throw'` (the mail queue's consumer) releases the claim and throws when
 * SES keeps failing, so the message is delivered again; `'log'` releases, logs and answers 'failed'.
 */
export async function deliverOnce(
  marker: MailMarker,
  to: string,
  mail: () => RenderedEmail | Promise<RenderedEmail>,
  headers: MailHeader[],
  onFailure: 'log' | 'throw',
): Promise<Exclude<EmailOutcome, 'queued' | 'no-recipient'>> {
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
    if (onFailure === 'throw') throw err;
    log.error('email marker could not be written; not sent', { ...marker, err: errorText(err) });
    return 'failed';
  }
  let rendered: RenderedEmail;
  try {
    rendered = await mail();
  } catch (err) {
    // A template that cannot render now will not render on a redelivery either: released, logged, never thrown.
    log.error('email could not be rendered; not sent', { ...marker, err: errorText(err) });
    await releaseClaim(key);
    return 'failed';
  }
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
    await releaseClaim(key);
    if (onFailure === 'throw') throw err;
    log.error('email not sent after retries', { ...marker, err: errorText(err) });
    return 'failed';
  }
}

async function releaseClaim(key: { orderId: string; event: string }): Promise<void> {
  await dynamoDoc()
    .send(new DeleteCommand({ TableName: tableName('notifications'), Key: key }))
    .catch(() => undefined);
}
