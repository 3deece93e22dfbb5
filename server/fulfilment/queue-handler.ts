import { ChangeMessageVisibilityCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from '../platform/aws/clients';
import { errorText, logger } from '../platform/observability';
import type { SqsBatchResult, SqsRecord } from '../platform/queue';
import { queueMessageSchema } from './queue-message';
import { holdMessage, queueUrls } from './queue-urls';
import { processFulfilmentMessage } from './warehouse';

// The warehouse queue's consumer: the `Fulfilment` Lambda's SQS handler on AWS (lambda.ts, batch size 1) and, on the
// local stack, the same function fed by the in-process poller (worker.ts). A message is reported as not done when:
// - its next step is not due yet: it is hidden on the queue until it is (ADR 0027; the function never sleeps);
// - the step failed: it is hidden for a pause that grows with its receive count (1 s … 30 s), then tried again; after
//   the queue's maxReceiveCount it is in the dead-letter queue, which operations redrive (dead-letters.ts).
// Deleting what was done is the caller's part: the event source mapping on AWS, the poller locally.

const log = logger.child({ component: 'fulfilment' });

/** Seconds a failed message stays hidden before its next try: its receive count, at most 30. */
function fulfilmentRetrySeconds(receiveCount: number): number {
  return Math.min(30, Math.max(1, receiveCount));
}

export async function fulfilmentQueueHandler(event: { Records: SqsRecord[] }): Promise<SqsBatchResult> {
  const batchItemFailures: SqsBatchResult['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      const parsed = queueMessageSchema.safeParse(JSON.parse(record.body));
      if (!parsed.success) throw new Error(`not a fulfilment message: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      const { waitMs } = await processFulfilmentMessage(parsed.data);
      if (waitMs !== undefined) {
        await holdMessage(record.receiptHandle, waitMs);
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    } catch (err) {
      const receiveCount = Number(record.attributes?.ApproximateReceiveCount ?? 1);
      log.warn('fulfilment message failed; it will be delivered again', { messageId: record.messageId, receiveCount, err: errorText(err) });
      batchItemFailures.push({ itemIdentifier: record.messageId });
      const urls = queueUrls();
      if (urls) {
        await sqsClient()
          .send(
            new ChangeMessageVisibilityCommand({
              QueueUrl: urls.main,
              ReceiptHandle: record.receiptHandle,
              VisibilityTimeout: fulfilmentRetrySeconds(receiveCount),
            }),
          )
          .catch(() => undefined);
      }
    }
  }
  return { batchItemFailures };
}
