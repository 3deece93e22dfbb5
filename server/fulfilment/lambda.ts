import { handleOrderStreamRecords } from './handle-order-change';

// The AWS side of the queue to the warehouse (sst.config.ts):
// - streamHandler: subscribed to the orders stream for MODIFY records (the INSERTs reach handleOrderStreamRecords
//   through the top-sellers function), so returns and status emails follow every change;
// - queueHandler: the SQS FIFO event source mapping, batch size 1. Throwing leaves the message on the queue; after
//   maxReceiveCount deliveries SQS moves it to the dead-letter queue. A message whose next step is not due yet is
//   hidden on the queue until it is and reported as not done (so the mapping keeps it): the function never sleeps.
//   The same handler runs locally behind the in-process poller (worker.ts).

type StreamEvent = { Records: Parameters<typeof handleOrderStreamRecords>[0] };

export { fulfilmentQueueHandler as queueHandler } from './queue-handler';

export async function streamHandler(event: StreamEvent): Promise<void> {
  await handleOrderStreamRecords(event.Records);
}
