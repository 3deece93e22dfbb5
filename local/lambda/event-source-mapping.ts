import { CreateQueueCommand, DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { StreamMappingConfig } from '../../infra/event-mappings';
import { sqsClient } from '../../server/platform/aws/clients';
import { errorText, logger } from '../../server/platform/observability';
import { type StreamRecord, startStreamReader } from '../stream-reader';

// Lambda's event source mappings, emulated on the local stack so the deployed handlers run here exactly as AWS
// invokes them (ADR 0022): a DynamoDB stream mapping builds Lambda's DynamoDBStreamEvent from DynamoDB Local's
// stream and honours the settings sst.config.ts gives the real mapping (batch size, event filter, bisect on error,
// bounded retries, an SQS failure destination); an SQS mapping receives, invokes with an SQSEvent and deletes what
// the function did not report as failed. The settings are the ones sst.config.ts gives the real mappings
// (infra/event-mappings.ts). Not emulated: the batching window, the parallelization factor and record age.

const log = logger.child({ component: 'event-source-mapping' });

export type Invoke = (event: unknown) => Promise<unknown>;

/** The fields of a mapping (infra/event-mappings.ts) that change what the function is handed, and when. */
export type StreamMappingSettings = Pick<StreamMappingConfig, 'batchSize' | 'bisectBatchOnFunctionError' | 'maximumRetryAttempts' | 'eventNames'>;

export type LambdaStreamRecord = {
  eventID: string;
  eventName: string;
  eventVersion: '1.1';
  eventSource: 'aws:dynamodb';
  awsRegion: string;
  eventSourceARN: string;
  dynamodb: Record<string, unknown>;
};

/** One GetRecords record as the Lambda service hands it to a function (DynamoDBRecord). */
export function toLambdaRecord(r: StreamRecord, streamArn: string, region = process.env.AWS_REGION ?? 'us-east-1'): LambdaStreamRecord {
  const d = r.dynamodb ?? {};
  const created = d.ApproximateCreationDateTime;
  return {
    eventID: r.eventID ?? '',
    eventName: r.eventName ?? '',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    eventSourceARN: streamArn,
    dynamodb: {
      // Lambda sends epoch seconds where the SDK gives a Date.
      ...(created ? { ApproximateCreationDateTime: Math.floor(new Date(created).getTime() / 1000) } : {}),
      ...(d.Keys ? { Keys: d.Keys } : {}),
      ...(d.NewImage ? { NewImage: d.NewImage } : {}),
      ...(d.OldImage ? { OldImage: d.OldImage } : {}),
      SequenceNumber: d.SequenceNumber,
      SizeBytes: d.SizeBytes,
      StreamViewType: d.StreamViewType,
    },
  };
}

/** What Lambda sends to an on-failure destination for a stream batch: a pointer to the records, not the records. */
export type StreamFailureRecord = {
  requestContext: { requestId: string; functionArn: string; condition: 'RetryAttemptsExhausted'; approximateInvokeCount: number };
  responseContext: { statusCode: number; executedVersion: string; functionError: 'Unhandled' };
  version: '1.0';
  timestamp: string;
  DDBStreamBatchInfo: {
    shardId: string;
    startSequenceNumber: string;
    endSequenceNumber: string;
    approximateArrivalOfFirstRecord?: string;
    approximateArrivalOfLastRecord?: string;
    batchSize: number;
    streamArn: string;
  };
};

export type StreamMapping = { ready: Promise<void>; stop(): Promise<void>; stats: { invocations: number; failedBatches: number; records: number } };

/**
 * Feeds a table's stream to a function as its event source mapping would. `destinationQueueUrl` is the on-failure
 * destination: a batch (after bisection, a single record) still failing after its retries is reported there and
 * the shard moves on, so one poison record does not hold up the records behind it.
 */
export function startDynamoStreamMapping(opts: {
  name: string;
  table: string;
  invoke: Invoke;
  settings: StreamMappingSettings;
  destinationQueueUrl?: string;
  /** LATEST (SST's default starting position) or TRIM_HORIZON. */
  startingPosition?: 'LATEST' | 'TRIM_HORIZON';
  idleMs?: number;
}): StreamMapping {
  const stats = { invocations: 0, failedBatches: 0, records: 0 };
  let streamArn = '';

  async function invokeWithRetries(batch: LambdaStreamRecord[], shardHint: string): Promise<void> {
    let attempts = 0;
    for (;;) {
      attempts++;
      stats.invocations++;
      try {
        await opts.invoke({ Records: batch });
        stats.records += batch.length;
        return;
      } catch (err) {
        if (opts.settings.bisectBatchOnFunctionError && batch.length > 1) {
          // Each half is delivered (and retried) on its own; bisection does not use up the retry budget.
          const mid = Math.ceil(batch.length / 2);
          await invokeWithRetries(batch.slice(0, mid), shardHint);
          await invokeWithRetries(batch.slice(mid), shardHint);
          return;
        }
        if (attempts <= opts.settings.maximumRetryAttempts) continue;
        stats.failedBatches++;
        log.warn('stream batch failed after its retries; sent to the failure destination', { mapping: opts.name, records: batch.length, err: errorText(err) });
        await reportFailure(batch, attempts, shardHint);
        return;
      }
    }
  }

  async function reportFailure(batch: LambdaStreamRecord[], attempts: number, shardId: string): Promise<void> {
    // No destination: Lambda would retry until the records expire; here the error stops the shard the same way.
    if (!opts.destinationQueueUrl) throw new Error(`${opts.name}: batch failed and no failure destination is configured`);
    const seq = (r: LambdaStreamRecord | undefined) => String(r?.dynamodb.SequenceNumber ?? '');
    const at = (r: LambdaStreamRecord | undefined) => {
      const s = r?.dynamodb.ApproximateCreationDateTime;
      return typeof s === 'number' ? new Date(s * 1000).toISOString() : undefined;
    };
    const body: StreamFailureRecord = {
      requestContext: {
        requestId: crypto.randomUUID(),
        functionArn: `local:function:${opts.name}`,
        condition: 'RetryAttemptsExhausted',
        approximateInvokeCount: attempts,
      },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      timestamp: new Date().toISOString(),
      DDBStreamBatchInfo: {
        shardId,
        startSequenceNumber: seq(batch[0]),
        endSequenceNumber: seq(batch.at(-1)),
        approximateArrivalOfFirstRecord: at(batch[0]),
        approximateArrivalOfLastRecord: at(batch.at(-1)),
        batchSize: batch.length,
        streamArn,
      },
    };
    // A lost report would be a lost record: if the queue refuses it, the reader delivers the records again.
    await sqsClient().send(new SendMessageCommand({ QueueUrl: opts.destinationQueueUrl, MessageBody: JSON.stringify(body) }));
  }

  const reader = startStreamReader({
    name: `mapping:${opts.name}`,
    table: opts.table,
    mode: opts.startingPosition === 'TRIM_HORIZON' ? 'replay' : 'follow',
    idleMs: opts.idleMs ?? 250,
    handler: async (records, shardId) => {
      if (!streamArn) streamArn = records[0]?.eventID ? await currentStreamArn(opts.table) : '';
      const wanted = records.filter((r) => opts.settings.eventNames.includes(r.eventName as 'INSERT'));
      // The real shard id, as Lambda reports it: the operations console reads the failed records back with it.
      const shard = shardId || shardOf(records[0]);
      for (let i = 0; i < wanted.length; i += opts.settings.batchSize) {
        const batch = wanted.slice(i, i + opts.settings.batchSize).map((r) => toLambdaRecord(r, streamArn));
        await invokeWithRetries(batch, shard);
      }
    },
  });
  return { ready: reader.ready, stop: () => reader.stop(), stats };
}

function shardOf(r: StreamRecord | undefined): string {
  // GetRecords does not name the shard; the sequence number locates the record within the stream just as well.
  return r?.dynamodb?.SequenceNumber ? `shard-of-${r.dynamodb.SequenceNumber}` : 'unknown';
}

async function currentStreamArn(table: string): Promise<string> {
  const { DescribeTableCommand } = await import('@aws-sdk/client-dynamodb');
  const { dynamoClient } = await import('../../server/platform/aws/clients');
  const out = await dynamoClient().send(new DescribeTableCommand({ TableName: table }));
  return out.Table?.LatestStreamArn ?? '';
}

/** Creates (or finds) a standard SQS queue on the local stack and returns its URL. */
export async function ensureQueue(name: string): Promise<string> {
  const out = await sqsClient().send(new CreateQueueCommand({ QueueName: name }));
  if (!out.QueueUrl) throw new Error(`CreateQueue ${name} returned no URL`);
  return out.QueueUrl;
}

export type QueueMapping = { stop(): Promise<void>; stats: { invocations: number; deleted: number; failed: number } };

/**
 * An SQS event source mapping with ReportBatchItemFailures: receive up to batchSize, invoke with an SQSEvent,
 * delete every message not listed in batchItemFailures. A failed message becomes visible again after the queue's
 * visibility timeout and is dead-lettered by the queue's own redrive policy, as on AWS.
 */
export function startSqsMapping(opts: { name: string; queueUrl: string; invoke: Invoke; batchSize?: number; waitSeconds?: number }): QueueMapping {
  const stats = { invocations: 0, deleted: 0, failed: 0 };
  let stopped = false;
  const arn = `arn:aws:sqs:local:000000000000:${opts.queueUrl.split('/').pop()}`;
  async function loop(): Promise<void> {
    while (!stopped) {
      try {
        const out = await sqsClient().send(
          new ReceiveMessageCommand({
            QueueUrl: opts.queueUrl,
            MaxNumberOfMessages: opts.batchSize ?? 1,
            WaitTimeSeconds: opts.waitSeconds ?? 1,
            MessageSystemAttributeNames: ['All'],
            MessageAttributeNames: ['All'],
          }),
        );
        const messages = out.Messages ?? [];
        if (messages.length === 0) continue;
        const event = {
          Records: messages.map((m) => ({
            messageId: m.MessageId,
            receiptHandle: m.ReceiptHandle,
            body: m.Body,
            attributes: m.Attributes ?? {},
            messageAttributes: m.MessageAttributes ?? {},
            md5OfBody: m.MD5OfBody,
            eventSource: 'aws:sqs',
            eventSourceARN: arn,
            awsRegion: process.env.AWS_REGION ?? 'us-east-1',
          })),
        };
        stats.invocations++;
        let failedIds: Set<string>;
        try {
          const result = (await opts.invoke(event)) as { batchItemFailures?: { itemIdentifier: string }[] } | null;
          failedIds = new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
        } catch {
          failedIds = new Set(messages.map((m) => m.MessageId!));
        }
        for (const m of messages) {
          if (failedIds.has(m.MessageId!)) {
            stats.failed++;
            continue;
          }
          await sqsClient().send(new DeleteMessageCommand({ QueueUrl: opts.queueUrl, ReceiptHandle: m.ReceiptHandle }));
          stats.deleted++;
        }
      } catch (err) {
        if (!stopped) log.warn('queue mapping receive failed; retrying', { mapping: opts.name, err: errorText(err) });
        await new Promise((r) => setTimeout(r, 500).unref());
      }
    }
  }
  const running = loop();
  return {
    stats,
    async stop() {
      stopped = true;
      await running;
    },
  };
}
