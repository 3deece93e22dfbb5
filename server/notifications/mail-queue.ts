import { ChangeMessageVisibilityCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from '../platform/aws/clients';
import { getConfig } from '../platform/config';
import { errorText, logger } from '../platform/observability';
import { type SqsBatchResult, type SqsRecord, type SqsWorker, startSqsWorker } from '../platform/queue';
import { queuedMailSchema } from './mail-queue-client';
import { deliverOnce } from './send-email-once';

// The mail queue's consumer: the Lambda on AWS (sst.config.ts, `MailSender`) and, on the local stack, the same
// handler fed by an in-process poller (instrumentation.ts). Each message is claimed and sent once; when SES keeps
// failing (throttling above the account's rate, an outage) the claim is released and the message hidden for a
// back-off that doubles with each receive (2 s … 5 min), then tried again; after the queue's maxReceiveCount (10)
// it is in the mail dead-letter queue, from which operations can redrive it. A malformed message goes there too.

const log = logger.child({ component: 'mail-queue' });

/** Seconds a failed message stays hidden before its next try: 2, 4, 8 … capped at 5 minutes. */
export function mailBackoffSeconds(receiveCount: number): number {
  return Math.min(300, 2 ** Math.max(1, receiveCount));
}

export async function mailQueueHandler(event: { Records: SqsRecord[] }): Promise<SqsBatchResult> {
  const batchItemFailures: SqsBatchResult['batchItemFailures'] = [];
  for (const record of event.Records) {
    const receiveCount = Number(record.attributes?.ApproximateReceiveCount ?? 1);
    try {
      const parsed = queuedMailSchema.safeParse(JSON.parse(record.body));
      if (!parsed.success) throw new Error(`not a queued mail: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      const { marker, to, mail, headers } = parsed.data;
      await deliverOnce(marker, to, () => mail, headers, 'throw');
    } catch (err) {
      log.warn('mail not sent; it will be tried again', { messageId: record.messageId, receiveCount, err: errorText(err) });
      batchItemFailures.push({ itemIdentifier: record.messageId });
      const QueueUrl = getConfig().MAIL_QUEUE_URL;
      if (QueueUrl) {
        await sqsClient()
          .send(new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: record.receiptHandle, VisibilityTimeout: mailBackoffSeconds(receiveCount) }))
          .catch(() => undefined);
      }
    }
  }
  return { batchItemFailures };
}

/** The local stack's mail sender (on AWS the queue's Lambda); null when no mail queue is configured. */
export function startMailWorker(): SqsWorker | null {
  const queueUrl = getConfig().MAIL_QUEUE_URL;
  return queueUrl ? startSqsWorker({ name: 'mail', queueUrl, handler: mailQueueHandler }) : null;
}
