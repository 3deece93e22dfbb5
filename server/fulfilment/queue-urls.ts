import { ChangeMessageVisibilityCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from '../platform/aws/clients';
import { getConfig } from '../platform/config';

/** The warehouse queue and its dead-letter queue; absent means no queue is configured (the feature is off). */
export function queueUrls(): { main: string; dlq: string } | null {
  const { FULFILMENT_QUEUE_URL, FULFILMENT_DLQ_URL } = getConfig();
  return FULFILMENT_QUEUE_URL && FULFILMENT_DLQ_URL ? { main: FULFILMENT_QUEUE_URL, dlq: FULFILMENT_DLQ_URL } : null;
}

/**
 * Hides a received message until its next step is due (the warehouse's timer, ADR 0027). Each hold is one more
 * receive: the queue's maxReceiveCount leaves room for the steps' waits plus the retries of a failing one.
 */
export async function holdMessage(receiptHandle: string, waitMs: number): Promise<void> {
  const urls = queueUrls();
  if (!urls) return;
  const seconds = Math.min(43_200, Math.max(1, Math.ceil(waitMs / 1000)));
  await sqsClient().send(new ChangeMessageVisibilityCommand({ QueueUrl: urls.main, ReceiptHandle: receiptHandle, VisibilityTimeout: seconds }));
}
