import { ChangeMessageVisibilityCommand, DeleteMessageCommand, type Message, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from '../platform/aws/clients';
import { getConfig } from '../platform/config';
import { sleep } from '../platform/db';
import { errorText, logger } from '../platform/observability';
import { queueMessageSchema } from './queue-message';
import { holdMessage, queueUrls } from './queue-urls';
import { processFulfilmentMessage } from './warehouse';

// The warehouse's queue consumer for processes that are not Lambda (the local stack, like the stream consumers).
// Messages are worked in parallel (FIFO keeps one order's messages in sequence) and deleted only after the work is
// done, so a worker that dies mid-message leaves it to come back after the visibility timeout. A message whose next
// step is not due is hidden until it is (holdMessage), not slept on. A failed message is
// made visible again after a pause that grows with its receive count; after the queue's maxReceiveCount it lands
// in the dead-letter queue (provisioned with the queue).

const log = logger.child({ component: 'fulfilment' });
const PARALLEL = 10;

export type FulfilmentWorker = { stop(): Promise<void>; stats: { done: number; held: number; failed: number } };

async function handle(queueUrl: string, m: Message, stats: FulfilmentWorker['stats']): Promise<void> {
  try {
    const parsed = queueMessageSchema.safeParse(JSON.parse(m.Body ?? ''));
    if (!parsed.success) throw new Error(`not a fulfilment message: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const { waitMs } = await processFulfilmentMessage(parsed.data);
    if (waitMs !== undefined) {
      // Not due yet: back on the queue, hidden until it is (the worker never sleeps on an order).
      await holdMessage(m.ReceiptHandle!, waitMs);
      stats.held++;
      return;
    }
    await sqsClient().send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle }));
    stats.done++;
  } catch (err) {
    stats.failed++;
    const receiveCount = Number(m.Attributes?.ApproximateReceiveCount ?? 1);
    log.warn('fulfilment message failed; it will be delivered again', { messageId: m.MessageId, receiveCount, err: errorText(err) });
    await sqsClient()
      .send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: Math.min(30, receiveCount) }))
      .catch(() => undefined);
  }
}

export function startFulfilmentWorker(): FulfilmentWorker {
  const stats = { done: 0, held: 0, failed: 0 };
  const urls = queueUrls();
  let running = true;
  const inFlight = new Set<Promise<void>>();
  const loop = (async () => {
    if (!urls || getConfig().FULFILMENT_MODE === 'hold') return;
    while (running) {
      if (inFlight.size >= PARALLEL) {
        await Promise.race(inFlight);
        continue;
      }
      try {
        const out = await sqsClient().send(
          new ReceiveMessageCommand({
            QueueUrl: urls.main,
            MaxNumberOfMessages: PARALLEL - inFlight.size,
            WaitTimeSeconds: 1,
            VisibilityTimeout: getConfig().FULFILMENT_VISIBILITY_SECONDS,
            MessageSystemAttributeNames: ['ApproximateReceiveCount'],
          }),
        );
        for (const m of out.Messages ?? []) {
          const p = handle(urls.main, m, stats).finally(() => inFlight.delete(p));
          inFlight.add(p);
        }
      } catch (err) {
        if (!running) break;
        log.warn('fulfilment queue unreachable; retrying', { err: errorText(err) });
        await sleep(1_000);
      }
    }
  })();
  return {
    stats,
    async stop() {
      running = false;
      await loop;
      await Promise.allSettled(inFlight);
    },
  };
}
