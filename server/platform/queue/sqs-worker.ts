import { DeleteMessageCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from '../aws/clients';
import { errorText, logger } from '../observability';
import { sleep } from '../runtime';

// An SQS event source mapping for processes that are not Lambda (the local stack), with ReportBatchItemFailures:
// receive up to batchSize, hand the handler the SQSEvent Lambda would, delete every message it did not report as
// failed. A failed message comes back after whatever visibility the handler gave it (its back-off) and is
// dead-lettered by the queue's redrive policy, as on AWS. The handler is the very function the queue's Lambda runs.
// `parallel` batches may be in flight at once, as a mapping scales out over a queue (on a FIFO queue SQS still hands
// out one message group's messages in order, one at a time).

const log = logger.child({ component: 'sqs-worker' });

/** The part of an SQS event record the handlers read (aws-lambda's SQSRecord). */
export type SqsRecord = { messageId: string; receiptHandle: string; body: string; attributes: { ApproximateReceiveCount?: string } };
export type SqsBatchResult = { batchItemFailures: { itemIdentifier: string }[] };
export type SqsBatchHandler = (event: { Records: SqsRecord[] }) => Promise<SqsBatchResult>;
export type SqsWorker = { stop(): Promise<void>; stats: { invocations: number; deleted: number; failed: number } };

export function startSqsWorker(opts: {
  name: string;
  queueUrl: string;
  handler: SqsBatchHandler;
  batchSize?: number;
  /** Batches in flight at once (default 1). */
  parallel?: number;
  /** The visibility timeout a receive asks for (default: the queue's own). */
  visibilityTimeoutSeconds?: number;
}): SqsWorker {
  const stats = { invocations: 0, deleted: 0, failed: 0 };
  const parallel = Math.max(1, opts.parallel ?? 1);
  let running = true;
  const inFlight = new Set<Promise<void>>();

  async function work(records: SqsRecord[]): Promise<void> {
    stats.invocations++;
    let failed: Set<string>;
    try {
      failed = new Set((await opts.handler({ Records: records })).batchItemFailures.map((f) => f.itemIdentifier));
    } catch (err) {
      log.warn('queue handler failed; the batch comes back', { worker: opts.name, err: errorText(err) });
      failed = new Set(records.map((r) => r.messageId));
    }
    for (const r of records) {
      if (failed.has(r.messageId)) {
        stats.failed++;
        continue;
      }
      try {
        await sqsClient().send(new DeleteMessageCommand({ QueueUrl: opts.queueUrl, ReceiptHandle: r.receiptHandle }));
        stats.deleted++;
      } catch (err) {
        // Not deleted: it comes back after its visibility timeout, and the handler is idempotent.
        log.warn('a done message could not be deleted; it will come back', { worker: opts.name, err: errorText(err) });
      }
    }
  }

  const loop = (async () => {
    while (running) {
      if (inFlight.size >= parallel) {
        await Promise.race(inFlight);
        continue;
      }
      try {
        const out = await sqsClient().send(
          new ReceiveMessageCommand({
            QueueUrl: opts.queueUrl,
            MaxNumberOfMessages: opts.batchSize ?? 10,
            WaitTimeSeconds: 1,
            ...(opts.visibilityTimeoutSeconds ? { VisibilityTimeout: opts.visibilityTimeoutSeconds } : {}),
            MessageSystemAttributeNames: ['ApproximateReceiveCount'],
          }),
        );
        const messages = (out.Messages ?? []).filter((m) => m.MessageId && m.ReceiptHandle);
        if (messages.length === 0) continue;
        const records = messages.map((m) => ({
          messageId: m.MessageId!,
          receiptHandle: m.ReceiptHandle!,
          body: m.Body ?? '',
          attributes: { ApproximateReceiveCount: m.Attributes?.ApproximateReceiveCount ?? '1' },
        }));
        const batch = work(records).finally(() => inFlight.delete(batch));
        inFlight.add(batch);
      } catch (err) {
        if (!running) break;
        log.warn('queue unreachable; retrying', { worker: opts.name, err: errorText(err) });
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
