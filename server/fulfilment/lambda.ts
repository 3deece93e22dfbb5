import { handleOrderStreamRecords } from './handle-order-change';
import { queueMessageSchema } from './queue-message';
import { holdMessage } from './queue-urls';
import { processFulfilmentMessage } from './warehouse';

// The AWS side of the queue to the warehouse (sst.config.ts):
// - streamHandler: subscribed to the orders stream for MODIFY records (the INSERTs reach handleOrderStreamRecords
//   through the top-sellers function), so returns and status emails follow every change;
// - queueHandler: the SQS FIFO event source mapping, batch size 1. Throwing leaves the message on the queue; after
//   maxReceiveCount deliveries SQS moves it to the dead-letter queue. A message whose next step is not due yet is
//   hidden on the queue until it is and reported as not done (so the mapping keeps it): the function never sleeps.

type StreamEvent = { Records: Parameters<typeof handleOrderStreamRecords>[0] };
type SqsEvent = { Records: { messageId: string; receiptHandle: string; body: string }[] };

export async function streamHandler(event: StreamEvent): Promise<void> {
  await handleOrderStreamRecords(event.Records);
}

export async function queueHandler(event: SqsEvent): Promise<{ batchItemFailures: { itemIdentifier: string }[] }> {
  const batchItemFailures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    try {
      const { waitMs } = await processFulfilmentMessage(queueMessageSchema.parse(JSON.parse(record.body)));
      if (waitMs !== undefined) {
        await holdMessage(record.receiptHandle, waitMs);
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    } catch {
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
