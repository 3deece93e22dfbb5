import { getConfig } from '../platform/config';
import { type SqsWorker, startSqsWorker } from '../platform/queue';
import { fulfilmentQueueHandler } from './queue-handler';
import { queueUrls } from './queue-urls';

// The warehouse's queue consumer for processes that are not Lambda (the local stack, like the stream consumers): the
// Lambda's own handler (queue-handler.ts) fed by the shared SQS poller, one message per batch as the mapping on AWS,
// ten orders in flight (a FIFO queue still hands out one order's messages in sequence). A message is deleted only
// after its work is done, so a worker that dies mid-message leaves it to come back after the visibility timeout.

const PARALLEL = 10;

export type FulfilmentWorker = SqsWorker;

export function startFulfilmentWorker(): FulfilmentWorker {
  const urls = queueUrls();
  if (!urls || getConfig().FULFILMENT_MODE === 'hold') return { stats: { invocations: 0, deleted: 0, failed: 0 }, stop: async () => undefined };
  return startSqsWorker({
    name: 'fulfilment',
    queueUrl: urls.main,
    handler: fulfilmentQueueHandler,
    batchSize: 1,
    parallel: PARALLEL,
    visibilityTimeoutSeconds: getConfig().FULFILMENT_VISIBILITY_SECONDS,
  });
}
