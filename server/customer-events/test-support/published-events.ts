import { DeleteMessageBatchCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from '../../platform/aws/clients';
import { getConfig } from '../../platform/config';
import type { CustomerEventEnvelope } from '../customer-events';

// What the local topic delivered to its subscribed log queue (local/sns-local.ts), for tests. Messages are deleted
// as they are read and kept here, so tests in one file can each look for their own shopper's events.

const seen: CustomerEventEnvelope[] = [];

async function drain(): Promise<void> {
  const QueueUrl = getConfig().CUSTOMER_EVENTS_LOG_QUEUE_URL;
  if (!QueueUrl) throw new Error('CUSTOMER_EVENTS_LOG_QUEUE_URL is not set: is the local stack running?');
  for (;;) {
    const out = await sqsClient().send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
    const messages = out.Messages ?? [];
    if (messages.length === 0) return;
    for (const m of messages) seen.push(JSON.parse(m.Body ?? '{}') as CustomerEventEnvelope);
    await sqsClient().send(
      new DeleteMessageBatchCommand({ QueueUrl, Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle ?? '' })) }),
    );
  }
}

/**
 * Every event published for `userId` so far. SNS→SQS delivery is asynchronous: waits until at least `atLeast` have
 * arrived (or `timeoutMs` passed), then a little longer, so an extra (duplicate) event would be seen too.
 */
export async function publishedEventsFor(userId: string, atLeast: number, timeoutMs = 5_000): Promise<CustomerEventEnvelope[]> {
  const deadline = Date.now() + timeoutMs;
  const mine = () => seen.filter((e) => e.data.userId === userId);
  while (mine().length < atLeast && Date.now() < deadline) {
    await drain();
    if (mine().length < atLeast) await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 300));
  await drain();
  return mine();
}
