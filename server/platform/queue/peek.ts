import { ChangeMessageVisibilityCommand, DeleteMessageCommand, type Message, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from '../aws/clients';

// Reading a dead-letter queue as operations see it. SQS has no "peek": listing receives every message for a short
// while (HOLD_SECONDS), then makes each visible again. Used by the warehouse dead letters (server/fulfilment) and
// the stream failures (server/streams), so both lists behave alike.

const HOLD_SECONDS = 30;

type SystemAttribute = 'ApproximateReceiveCount' | 'MessageGroupId' | 'MessageDeduplicationId' | 'SentTimestamp';

/** Receives every message of the queue (each held for HOLD_SECONDS); callers release or delete each one. */
export async function receiveAll(queueUrl: string, attributes: readonly SystemAttribute[]): Promise<Message[]> {
  const all: Message[] = [];
  for (;;) {
    const out = await sqsClient().send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: HOLD_SECONDS,
        WaitTimeSeconds: 0,
        MessageSystemAttributeNames: [...attributes],
      }),
    );
    const batch = out.Messages ?? [];
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

/** Makes received messages visible again at once (the end of a peek). */
export async function releaseAll(queueUrl: string, messages: Message[]): Promise<void> {
  await Promise.all(
    messages.map((m) => sqsClient().send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 0 }))),
  );
}

/** Every message of the queue, read and put back: nothing is consumed. */
export async function peekAll(queueUrl: string, attributes: readonly SystemAttribute[]): Promise<Message[]> {
  const messages = await receiveAll(queueUrl, attributes);
  await releaseAll(queueUrl, messages);
  return messages;
}

/** Deletes the message with this id, if it is still there; the others are released. True when one was deleted. */
export async function deleteById(queueUrl: string, messageId: string): Promise<boolean> {
  const messages = await receiveAll(queueUrl, []);
  const target = messages.find((m) => m.MessageId === messageId);
  await releaseAll(
    queueUrl,
    messages.filter((m) => m !== target),
  );
  if (!target) return false;
  await sqsClient().send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: target.ReceiptHandle }));
  return true;
}
