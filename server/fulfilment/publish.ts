import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from '../platform/aws/clients';
import { deduplicationId, type QueueMessage } from './queue-message';
import { queueUrls } from './queue-urls';

/** One message to the warehouse; throws when SQS does not take it (the stream batch is then delivered again). */
export async function publishToWarehouse(message: QueueMessage): Promise<void> {
  const urls = queueUrls();
  if (!urls) return;
  await sqsClient().send(
    new SendMessageCommand({
      QueueUrl: urls.main,
      MessageBody: JSON.stringify(message),
      MessageGroupId: message.orderId,
      MessageDeduplicationId: deduplicationId(message),
    }),
  );
}
