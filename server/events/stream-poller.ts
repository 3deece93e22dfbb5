import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
  type Shard,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import { dynamoClient, dynamoStreamsClient } from '../aws/clients';
import { errorText, logger } from '../observability';

// A generic DynamoDB Streams reader for processes that are not Lambda (the local stack): table name in,
// handler(records) called per shard batch, in order, with a checkpoint after each batch the handler accepted.
// It does what the Lambda event source mapping does on AWS, so consumers are written once:
// - a batch the handler rejects is read again from the last checkpoint (at-least-once; handlers must be
//   idempotent), after a growing pause, without holding up other shards;
// - shards are followed through splits (a child waits until its parent is drained) and discovered as they open;
// - an expired iterator is renewed from the checkpoint; a table recreated with a new stream is picked up.

export type StreamRecord = _Record;
export type StartPosition = 'TRIM_HORIZON' | 'LATEST';

/** Where each shard got to. The default keeps it in memory; a durable store resumes across restarts. */
export type CheckpointStore = {
  get(streamArn: string, shardId: string): Promise<string | undefined>;
  set(streamArn: string, shardId: string, sequenceNumber: string): Promise<void>;
};

export type StreamPollerOptions = {
  /** For log lines. */
  name: string;
  /** Full table name (tableName('orders')). */
  table: string;
  /** Called with each non-empty batch of one shard, in stream order. Throw to have the batch delivered again. */
  handler: (records: StreamRecord[], context: { shardId: string; streamArn: string }) => Promise<void>;
  /** Where a shard without a checkpoint starts. */
  startAt: StartPosition;
  checkpoints?: CheckpointStore;
  /** Pause after a round in which no shard had records. */
  idleMs?: number;
  /** GetRecords Limit (the API's maximum is 1000). */
  batchSize?: number;
  /** Handler retry pauses grow from min to max. */
  retryMs?: { min: number; max: number };
  /** Shards are listed again this often (and whenever one closes). */
  shardRefreshMs?: number;
  log?: (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;
};

export type StreamPoller = {
  /** Stops after the batch in flight; resolves once the loop has exited. */
  stop(): Promise<void>;
  readonly stats: { batches: number; records: number; handlerFailures: number };
};

type ShardState = {
  id: string;
  parentId?: string;
  iterator?: string;
  /** Drained: NextShardIterator came back empty (closed shard, all read). */
  done: boolean;
  /** After a failure, not polled again before this time. */
  retryAt: number;
  failures: number;
  /** First record of a rejected batch: re-read from exactly there (a LATEST start has no checkpoint to go back to). */
  retryFrom?: string;
  /** Had an iterator before: a lost one without checkpoint re-reads the shard (TRIM_HORIZON) rather than risk a gap. */
  positioned?: boolean;
};

export function memoryCheckpoints(): CheckpointStore {
  const map = new Map<string, string>();
  return {
    get: async (arn, shard) => map.get(`${arn}|${shard}`),
    set: async (arn, shard, seq) => {
      map.set(`${arn}|${shard}`, seq);
    },
  };
}

const pollerLog = logger.child({ component: 'stream-poller' });

function defaultLog(level: 'info' | 'warn' | 'error', msg: string, fields: Record<string, unknown> = {}): void {
  pollerLog[level](msg, fields);
}

function errorName(err: unknown): string {
  return err instanceof Error ? err.name : 'Error';
}

export function startStreamPoller(options: StreamPollerOptions): StreamPoller {
  const opts = {
    idleMs: 1000,
    batchSize: 1000,
    retryMs: { min: 500, max: 30_000 },
    shardRefreshMs: 10_000,
    checkpoints: memoryCheckpoints(),
    log: defaultLog,
    ...options,
  };
  const fields = { poller: opts.name, table: opts.table };
  const stats = { batches: 0, records: 0, handlerFailures: 0 };
  const abort = new AbortController();
  let stopped = false;

  let streamArn: string | undefined;
  let shards = new Map<string, ShardState>();
  let shardsListedAt = 0;
  let setbackCount = 0;
  let saidNoStream = false;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopped) return resolve();
      const timer = setTimeout(done, ms);
      // Never keep a process (a script, a test run) alive just to poll.
      timer.unref();
      function done() {
        clearTimeout(timer);
        abort.signal.removeEventListener('abort', done);
        resolve();
      }
      abort.signal.addEventListener('abort', done);
    });

  function forgetStream(): void {
    streamArn = undefined;
    shards = new Map();
    shardsListedAt = 0;
  }

  async function findStream(): Promise<string | undefined> {
    const out = await dynamoClient().send(new DescribeTableCommand({ TableName: opts.table }));
    return out.Table?.StreamSpecification?.StreamEnabled ? out.Table.LatestStreamArn : undefined;
  }

  async function listShards(arn: string): Promise<Shard[]> {
    const all: Shard[] = [];
    let start: string | undefined;
    do {
      const out = await dynamoStreamsClient().send(new DescribeStreamCommand({ StreamArn: arn, ExclusiveStartShardId: start }));
      all.push(...(out.StreamDescription?.Shards ?? []));
      start = out.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return all;
  }

  async function refreshShards(arn: string): Promise<void> {
    const listed = await listShards(arn);
    const next = new Map<string, ShardState>();
    for (const s of listed) {
      if (!s.ShardId) continue;
      // Shards past retention drop out of the listing; keep state only for those still listed.
      next.set(s.ShardId, shards.get(s.ShardId) ?? { id: s.ShardId, parentId: s.ParentShardId, done: false, retryAt: 0, failures: 0 });
    }
    shards = next;
    shardsListedAt = Date.now();
  }

  async function iteratorFor(arn: string, shard: ShardState, fromStart = false): Promise<string | undefined> {
    let type: ShardIteratorType = fromStart || shard.positioned ? 'TRIM_HORIZON' : opts.startAt;
    let sequenceNumber: string | undefined;
    const checkpoint = fromStart ? undefined : await opts.checkpoints.get(arn, shard.id);
    if (!fromStart && shard.retryFrom) {
      type = 'AT_SEQUENCE_NUMBER';
      sequenceNumber = shard.retryFrom;
    } else if (checkpoint) {
      type = 'AFTER_SEQUENCE_NUMBER';
      sequenceNumber = checkpoint;
    }
    const out = await dynamoStreamsClient().send(
      new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard.id, ShardIteratorType: type, SequenceNumber: sequenceNumber }),
    );
    return out.ShardIterator;
  }

  /** True when a batch was handled (so the loop goes round again without pausing). */
  async function pollShard(arn: string, shard: ShardState): Promise<boolean> {
    shard.iterator ??= await iteratorFor(arn, shard);
    shard.positioned = true;
    if (!shard.iterator) {
      shard.done = true;
      return false;
    }
    let out;
    try {
      out = await dynamoStreamsClient().send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: opts.batchSize }));
    } catch (err) {
      const name = errorName(err);
      if (name === 'ExpiredIteratorException') {
        // Iterators live 15 minutes; a long handler retry outlives one. Resume from the checkpoint.
        shard.iterator = undefined;
        return false;
      }
      if (name === 'TrimmedDataAccessException') {
        // The checkpoint is older than the stream's 24 h retention: what lies between is gone. Say so loudly.
        opts.log('error', 'stream records expired before they were processed; resuming at the oldest retained', { ...fields, shardId: shard.id });
        shard.retryFrom = undefined;
        shard.iterator = await iteratorFor(arn, shard, true);
        return false;
      }
      throw err;
    }

    const records = out.Records ?? [];
    if (records.length > 0) {
      try {
        await opts.handler(records, { shardId: shard.id, streamArn: arn });
      } catch (err) {
        // Not advancing: the same records (and maybe more) come again from the checkpoint, after a pause.
        stats.handlerFailures++;
        shard.failures++;
        const pause = Math.min(opts.retryMs.max, opts.retryMs.min * 2 ** (shard.failures - 1));
        shard.retryAt = Date.now() + pause;
        shard.iterator = undefined;
        shard.retryFrom = records[0]?.dynamodb?.SequenceNumber;
        opts.log('warn', 'stream handler failed; batch will be retried', { ...fields, shardId: shard.id, retryInMs: pause, err: errorText(err) });
        return false;
      }
      const last = records[records.length - 1]?.dynamodb?.SequenceNumber;
      if (last) await opts.checkpoints.set(arn, shard.id, last);
      shard.failures = 0;
      shard.retryFrom = undefined;
      stats.batches++;
      stats.records += records.length;
    }
    shard.iterator = out.NextShardIterator;
    if (!shard.iterator) {
      // Closed and drained: its children may start now, so list shards again.
      shard.done = true;
      shardsListedAt = 0;
    }
    return records.length > 0;
  }

  /** A shard is read only after its parent is drained (or gone from the listing), which keeps per-key order. */
  function readyShards(): ShardState[] {
    const now = Date.now();
    return [...shards.values()].filter((s) => {
      if (s.done || s.retryAt > now) return false;
      const parent = s.parentId ? shards.get(s.parentId) : undefined;
      return !parent || parent.done;
    });
  }

  async function round(): Promise<boolean> {
    streamArn ??= await findStream();
    if (!streamArn) {
      if (!saidNoStream) opts.log('warn', 'table has no stream (yet); waiting', fields);
      saidNoStream = true;
      return false;
    }
    saidNoStream = false;
    if (Date.now() - shardsListedAt > opts.shardRefreshMs) await refreshShards(streamArn);
    let progressed = false;
    for (const shard of readyShards()) {
      if (stopped) break;
      if (await pollShard(streamArn, shard)) progressed = true;
    }
    return progressed;
  }

  async function loop(): Promise<void> {
    opts.log('info', 'stream poller started', { ...fields, startAt: opts.startAt });
    while (!stopped) {
      try {
        const progressed = await round();
        setbackCount = 0;
        if (!progressed) await sleep(opts.idleMs);
      } catch (err) {
        setbackCount++;
        // A deleted table or stream (a local reset) means a new stream ARN; anything else is an outage to wait out.
        if (errorName(err) === 'ResourceNotFoundException') forgetStream();
        const pause = Math.min(opts.retryMs.max, opts.retryMs.min * 2 ** (setbackCount - 1));
        opts.log(setbackCount === 1 ? 'warn' : 'info', 'stream poller setback; retrying', { ...fields, retryInMs: pause, err: errorText(err) });
        await sleep(pause);
      }
    }
    opts.log('info', 'stream poller stopped', fields);
  }

  const running = loop();
  return {
    stats,
    async stop() {
      stopped = true;
      abort.abort();
      await running;
    },
  };
}
