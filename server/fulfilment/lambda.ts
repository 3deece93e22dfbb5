import { handleOrderStreamRecords } from './handle-order-change';
import { queueMessageSchema } from './queue-message';
import { processFulfilmentMessage } from './warehouse';

// The AWS side of the queue to the warehouse (sst.config.ts):
// - streamHandler: subscribed to the orders stream for MODIFY records (the INSERTs reach handleOrderStreamRecords
//   through the top-sellers function), so returns and status emails follow every change;
// - queueHandler: the SQS FIFO event source mapping, batch size 1. Throwing leaves the message on the queue; after
//   maxReceiveCount deliveries SQS moves it to the dead-letter queue.

type StreamEvent = { Records: Parameters<typeof handleOrderStreamRecords>[0] };
type SqsEvent = { Records: { messageId: string; body: string }[] };

export async function streamHandler(event: StreamEvent): Promise<void> {
  await handleOrderStreamRecords(event.Records);
}

export async function queueHandler(event: SqsEvent): Promise<{ batchItemFailures: { itemIdentifier: string }[] }> {
  const batchItemFailures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    try {
      await processFulfilmentMessage(queueMessageSchema.parse(JSON.parse(record.body)));
    } catch {
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
