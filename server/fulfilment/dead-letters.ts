import { DeleteMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from '../platform/aws/clients';
import { peekAll, receiveAll } from '../platform/queue';
import { orderIdOf } from './queue-message';
import { queueUrls } from './queue-urls';

// The dead-letter queue, as operations see it (server/platform/queue/peek.ts: SQS has no "peek", so listing
// receives every message for a short while and then makes each visible again). Redrive is receive → send to the main queue → delete, because the
// redrive API (StartMessageMoveTask) is not emulated locally (ADR 0008) and this works the same on AWS.

export type DeadLetter = { messageId: string; orderId: string | null; event: string; receiveCount: number; body: string };

const ATTRIBUTES = ['ApproximateReceiveCount', 'MessageGroupId', 'MessageDeduplicationId'] as const;

function eventOf(body: string): string {
  try {
    const event = (JSON.parse(body) as { event?: unknown }).event;
    return typeof event === 'string' ? event : 'unknown';
  } catch {
    return 'unreadable';
  }
}

export async function listDeadLetters(): Promise<DeadLetter[]> {
  const urls = queueUrls();
  if (!urls) return [];
  const messages = await peekAll(urls.dlq, ATTRIBUTES);
  return messages.map((m) => ({
    messageId: m.MessageId ?? '',
    orderId: orderIdOf(m.Body ?? ''),
    event: eventOf(m.Body ?? ''),
    receiveCount: Number(m.Attributes?.ApproximateReceiveCount ?? 0),
    body: m.Body ?? '',
  }));
}

/** Sends every dead letter back to the warehouse queue (in its order's group) and removes it from the DLQ. */
export async function redriveDeadLetters(): Promise<{ moved: number }> {
  const urls = queueUrls();
  if (!urls) return { moved: 0 };
  let moved = 0;
  for (const m of await receiveAll(urls.dlq, ATTRIBUTES)) {
    const group = m.Attributes?.MessageGroupId ?? orderIdOf(m.Body ?? '') ?? 'dead-letters';
    await sqsClient().send(
      new SendMessageCommand({
        QueueUrl: urls.main,
        MessageBody: m.Body ?? '',
        MessageGroupId: group,
        // A new id: the original was seen within the last five minutes, and SQS would drop it as a duplicate.
        MessageDeduplicationId: `redrive:${m.MessageId}`.slice(0, 128),
      }),
    );
    // Deleted only once sent: a crash in between leaves it in both queues, and the warehouse is idempotent.
    await sqsClient().send(new DeleteMessageCommand({ QueueUrl: urls.dlq, ReceiptHandle: m.ReceiptHandle }));
    moved++;
  }
  return { moved };
}
