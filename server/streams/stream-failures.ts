import { GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import type { Message } from '@aws-sdk/client-sqs';
import { dynamoStreamsClient } from '../platform/aws/clients';
import { getConfig } from '../platform/config';
import { AppError } from '../platform/errors';
import { deleteById, peekAll } from '../platform/queue';
import type { StreamFailure } from './contract';

// The stream consumers' dead letters (STREAM_FAILURES_DLQ_URL): where the stream event source mappings
// (sst.config.ts, infra/event-mappings.ts; emulated by local/lambda/event-source-mapping.ts) report a batch that
// failed every retry or grew too old. Lambda sends a pointer (stream, shard, sequence numbers), not the records:
// this reads each report for people and, while the stream still holds them (24 h), the failed records' keys.
// There is no redrive: re-saving the item in its table sends it through the stream again (docs/deploy.md, ADR 0024);
// once that is done, operations discard the report.

type Report = {
  requestContext?: { functionArn?: string; condition?: string; approximateInvokeCount?: number };
  responseContext?: { functionError?: string; statusCode?: number };
  timestamp?: string;
  DDBStreamBatchInfo?: { shardId?: string; startSequenceNumber?: string; endSequenceNumber?: string; batchSize?: number; streamArn?: string };
};

const CONDITIONS: Record<string, string> = {
  RetryAttemptsExhausted: 'Failed on every retry',
  RecordAgeExceeded: 'Too old to process (skipped)',
  MaximumPayloadSizeExceeded: 'Too large to deliver',
};

const KEY_LOOKUPS = 50;

function parse(body: string): Report | null {
  try {
    const value = JSON.parse(body) as unknown;
    return value && typeof value === 'object' ? (value as Report) : null;
  } catch {
    return null;
  }
}

/** 'arn:aws:dynamodb:…:table/storefront-prod-orders/stream/2026-…' → 'orders' (the stage prefix taken off). */
function streamOf(arn: string | undefined): string {
  const table = /:table\/([^/]+)\/stream\//.exec(arn ?? '')?.[1];
  if (!table) return 'unknown';
  const prefix = getConfig().TABLE_PREFIX;
  return prefix && table.startsWith(prefix) ? table.slice(prefix.length) : table;
}

function errorOf(report: Report): string {
  const condition = report.requestContext?.condition ?? '';
  const attempts = report.requestContext?.approximateInvokeCount;
  const words = CONDITIONS[condition] ?? (condition || 'Failed');
  const kind = report.responseContext?.functionError ? ` (${report.responseContext.functionError} error)` : '';
  return `${words}${attempts ? `, ${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}` : ''}${kind}`;
}

function summarise(m: Message): StreamFailure {
  const report = parse(m.Body ?? '');
  const batch = report?.DDBStreamBatchInfo;
  const sent = Number(m.Attributes?.SentTimestamp);
  return {
    messageId: m.MessageId ?? '',
    stream: streamOf(batch?.streamArn),
    consumer: report?.requestContext?.functionArn?.split(':').at(-1) || 'unknown',
    error: report ? errorOf(report) : 'Unreadable report',
    at: report?.timestamp ?? (Number.isFinite(sent) ? new Date(sent).toISOString() : ''),
    records: {
      count: batch?.batchSize ?? 0,
      firstSequence: batch?.startSequenceNumber ?? '',
      lastSequence: batch?.endSequenceNumber ?? '',
      shardId: batch?.shardId ?? '',
    },
    keys: null,
  };
}

/** The failed records' keys, read from the stream at the report's first sequence number; null if it cannot be read. */
async function keysOf(m: Message): Promise<Record<string, string>[] | null> {
  const batch = parse(m.Body ?? '')?.DDBStreamBatchInfo;
  if (!batch?.streamArn || !batch.shardId || !batch.startSequenceNumber) return null;
  try {
    const { ShardIterator } = await dynamoStreamsClient().send(
      new GetShardIteratorCommand({
        StreamArn: batch.streamArn,
        ShardId: batch.shardId,
        ShardIteratorType: 'AT_SEQUENCE_NUMBER',
        SequenceNumber: batch.startSequenceNumber,
      }),
    );
    if (!ShardIterator) return null;
    const out = await dynamoStreamsClient().send(new GetRecordsCommand({ ShardIterator, Limit: Math.min(Math.max(batch.batchSize ?? 1, 1), 100) }));
    const end = batch.endSequenceNumber ?? batch.startSequenceNumber;
    // Sequence numbers are decimal strings longer than a double holds.
    const records = (out.Records ?? []).filter((r) => BigInt(r.dynamodb?.SequenceNumber ?? '0') <= BigInt(end));
    return records.map((r) => Object.fromEntries(Object.entries(r.dynamodb?.Keys ?? {}).map(([name, value]) => [name, String(value.S ?? value.N ?? '')])));
  } catch {
    // Trimmed (older than 24 h), another shard layout, or a local report without a real shard: the pointer stays.
    return null;
  }
}

/** Every report waiting in the stream failures DLQ, oldest first; empty when no queue is configured. */
export async function listStreamFailures(): Promise<StreamFailure[]> {
  const url = getConfig().STREAM_FAILURES_DLQ_URL;
  if (!url) return [];
  const messages = await peekAll(url, ['ApproximateReceiveCount', 'SentTimestamp']);
  const failures = await Promise.all(messages.map(async (m, i) => ({ ...summarise(m), keys: i < KEY_LOOKUPS ? await keysOf(m) : null })));
  return failures.sort((a, b) => a.at.localeCompare(b.at));
}

/** Removes one report once operations have dealt with its records; 404 when it is no longer there. */
export async function discardStreamFailure(messageId: string): Promise<{ discarded: string }> {
  const url = getConfig().STREAM_FAILURES_DLQ_URL;
  if (!url || !(await deleteById(url, messageId))) throw new AppError('NOT_FOUND', 'That report is no longer in the stream failures queue.');
  return { discarded: messageId };
}
