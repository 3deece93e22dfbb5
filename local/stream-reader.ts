import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  DescribeStreamCommand,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type GetShardIteratorCommandInput,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import { dynamoClient, dynamoStreamsClient } from '../server/platform/aws/clients';
import { awsErrorName, backoffDelayMs, withRetry } from '../server/platform/db';
import { errorText, logger, logOnce } from '../server/platform/observability';

// The one DynamoDB Streams reader, for processes that are not Lambda (the local stack; on AWS a stream-subscribed
// function does this job). It reads every shard in order — a child only after its parent is drained, so one item's
// changes stay in order — finds shards as they open, and hands each non-empty batch of one shard to the handler.
// Two ways to start, for the two kinds of consumer:
// - 'replay' (orders: counting consumers). Shards without a checkpoint start at TRIM_HORIZON, so whatever was
//   written while the process was down is read; exactly-once is the handler's job (its DynamoDB markers). A batch
//   the handler rejects is read again from its first record after a growing pause, without holding up other
//   shards. Checkpoints are kept per reader, so two consumers of one stream never share a position.
// - 'follow' (products: the search index, a snapshot of the table). Iterators are taken at LATEST on every open
//   shard first, then `onSnapshot` does its full read, then the reader follows: a change made during the snapshot
//   is in it, delivered afterwards, or both, never neither. A lost position (trimmed records after a checkpoint, an
//   expired LATEST iterator, a replaced stream, a batch given up on after 3 attempts) is answered by a new position
//   and a new snapshot, never by replaying old images over a fresher index.
// Setbacks (throttling, DynamoDB Local restarting, a deleted table) are retried with backoff through withRetry and
// logged once per kind; the loop never throws.
//
// DynamoDB Local draws sequence numbers from one counter shared by all its streams. An iterator taken on a shard
// that has no record yet points at that counter's value; once another table's stream takes the next numbers, the
// shard's first record is numbered above the iterator and GetRecords answers TrimmedDataAccessException although
// nothing was trimmed (a fresh stack's first order did this to both consumers). A live iterator that did not come
// from a sequence number of ours cannot have lost anything readable, so it is simply taken again at TRIM_HORIZON.

export type StreamRecord = _Record;

type StreamReaderOptions = {
  /** For log lines and the once-per-kind log. */
  name: string;
  /** Full table name (tableName('orders')). */
  table: string;
  mode: 'replay' | 'follow';
  /** One shard's non-empty batch, in stream order, and the shard's id. Throw to have it delivered again. */
  handler: (records: StreamRecord[], shardId: string) => Promise<void>;
  /** follow: rebuild the consumer's state from a full read; called once the iterators are in place. */
  onSnapshot?: (reason: 'start' | 'lost-position') => Promise<void>;
  /** After every round in which every readable shard was read without error. */
  onCaughtUp?: () => void;
  /** Pause after a round in which no shard had records. */
  idleMs?: number;
  maxBackoffMs?: number;
  /** Shards are listed again this often (and whenever one closes). */
  shardRefreshMs?: number;
};

export type StreamReader = {
  /** Resolves once positioned on the stream (and, in follow mode, after the first snapshot), or when stopped. */
  readonly ready: Promise<void>;
  readonly stats: { batches: number; records: number; handlerFailures: number };
  /** Stops after the batch in flight; resolves once the loop has exited. */
  stop(): Promise<void>;
};

type ShardState = {
  id: string;
  parentId?: string;
  iterator?: string;
  /** Where to start without a sequence number: LATEST only for open shards positioned in follow mode. */
  startAt: 'LATEST' | 'TRIM_HORIZON';
  /** First record of a rejected batch: the next iterator starts exactly there. */
  retryFrom?: string;
  /** The current iterator descends from a sequence number of ours (a checkpoint or retryFrom). */
  fromSequence: boolean;
  /** NextShardIterator came back empty: closed and read to the end. */
  done: boolean;
  failures: number;
  /** Not read again before this time (after a rejected batch). */
  retryAt: number;
};

/** follow: a batch that fails this many times in a row is given up on, and answered by a snapshot. */
const FOLLOW_DELIVERY_ATTEMPTS = 3;

class LostPosition extends Error {
  override name = 'LostPosition';
}

export function startStreamReader(options: StreamReaderOptions): StreamReader {
  const opts = { idleMs: 1_000, maxBackoffMs: 30_000, shardRefreshMs: 10_000, ...options };
  const log = logger.child({ component: 'stream-reader', reader: opts.name, table: opts.table });
  const setbacks = logOnce(`stream-reader:${opts.name}`, log);
  const stats = { batches: 0, records: 0, handlerFailures: 0 };
  const follow = opts.mode === 'follow';
  let stopped = false;
  let wake: () => void = () => {};
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  let streamArn: string | undefined;
  let positioned = false;
  /** Something failed in this round (a rejected batch, a refused iterator): outages are not over yet. */
  let roundFailed = false;
  let shards = new Map<string, ShardState>();
  /** The last record the handler accepted, per `${streamArn}|${shardId}`. In memory: the handlers' markers are
   * what makes a restart (a replay from TRIM_HORIZON) safe, so nothing else needs to survive one. */
  let checkpoints = new Map<string, string>();
  let shardsListedAt = 0;
  let snapshotReason: 'start' | 'lost-position' | null = follow ? 'start' : null;

  const streams = () => dynamoStreamsClient();

  function sleep(ms: number): Promise<void> {
    if (stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      // Never keep a process (a script, a test run) alive just to poll.
      timer.unref();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  function newShard(s: Shard, startAt: ShardState['startAt'], done = false): ShardState {
    return { id: s.ShardId!, parentId: s.ParentShardId, startAt, fromSequence: false, done, failures: 0, retryAt: 0 };
  }

  async function listShards(arn: string): Promise<Shard[]> {
    const all: Shard[] = [];
    let start: string | undefined;
    do {
      const out = await streams().send(new DescribeStreamCommand({ StreamArn: arn, ExclusiveStartShardId: start }));
      const status = out.StreamDescription?.StreamStatus;
      if (status === 'DISABLED' || status === 'DISABLING') throw new LostPosition(`stream ${arn} is disabled`);
      all.push(...(out.StreamDescription?.Shards ?? []).filter((s) => s.ShardId));
      start = out.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return all;
  }

  /** The table's current stream; a new one (a recreated table) starts over with fresh state. */
  async function position(): Promise<string> {
    const { Table } = await dynamoClient().send(new DescribeTableCommand({ TableName: opts.table }));
    const arn = Table?.StreamSpecification?.StreamEnabled ? Table.LatestStreamArn : undefined;
    if (!arn) throw new LostPosition(`table ${opts.table} has no enabled stream (yet)`);
    const listed = await listShards(arn);
    // follow: a new position owes nothing to the old one (the snapshot after it covers the gap).
    if (follow) checkpoints = new Map();
    const next = new Map<string, ShardState>();
    for (const s of listed) {
      const open = !s.SequenceNumberRange?.EndingSequenceNumber;
      // follow: closed shards hold only what the snapshot already has; open ones are read from now on.
      const state = follow ? newShard(s, 'LATEST', !open) : newShard(s, 'TRIM_HORIZON');
      if (follow && open) state.iterator = await iteratorFor(arn, state);
      next.set(state.id, state);
    }
    // follow: any position after the first skipped whatever happened in between, so the snapshot is taken again.
    if (follow && positioned) snapshotReason = 'lost-position';
    positioned = true;
    streamArn = arn;
    shards = next;
    shardsListedAt = Date.now();
    return arn;
  }

  async function refreshShards(arn: string): Promise<void> {
    for (const s of await listShards(arn)) {
      // Found after positioning: every record in it is newer than the position (and the snapshot).
      if (!shards.has(s.ShardId!)) shards.set(s.ShardId!, newShard(s, 'TRIM_HORIZON'));
    }
    shardsListedAt = Date.now();
  }

  async function iteratorFor(arn: string, shard: ShardState, type?: 'TRIM_HORIZON'): Promise<string | undefined> {
    const checkpoint = type ? undefined : checkpoints.get(`${arn}|${shard.id}`);
    let input: GetShardIteratorCommandInput = { StreamArn: arn, ShardId: shard.id, ShardIteratorType: type ?? shard.startAt };
    if (!type && shard.retryFrom) input = { ...input, ShardIteratorType: 'AT_SEQUENCE_NUMBER', SequenceNumber: shard.retryFrom };
    else if (checkpoint) input = { ...input, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: checkpoint };
    shard.fromSequence = input.SequenceNumber !== undefined;
    return (await streams().send(new GetShardIteratorCommand(input))).ShardIterator;
  }

  /** An iterator GetRecords refused; the shard's next read uses the one this returns. */
  async function recover(arn: string, shard: ShardState, err: unknown): Promise<string | undefined> {
    const name = awsErrorName(err);
    if (name === 'TrimmedDataAccessException' && !shard.fromSequence) {
      // Nothing of ours to lose (see the DynamoDB Local note above): read the shard's retained records.
      log.debug('shard position below its first record; reading from TRIM_HORIZON', { shardId: shard.id });
      return iteratorFor(arn, shard, 'TRIM_HORIZON');
    }
    if (name === 'ExpiredIteratorException' && (shard.fromSequence || shard.startAt === 'TRIM_HORIZON')) {
      // Iterators live 15 minutes (a long pause outlives one): resume from the checkpoint or the shard's start.
      // Routine and loses nothing, so it is no setback.
      log.debug('shard iterator expired; resuming', { shardId: shard.id });
      return iteratorFor(arn, shard);
    }
    if (name === 'TrimmedDataAccessException' && !follow) {
      // The checkpoint is older than the stream's 24 h retention: what lies between is gone. Say so loudly.
      log.error('stream records expired before they were processed; resuming at the oldest retained', { shardId: shard.id });
      shard.retryFrom = undefined;
      return iteratorFor(arn, shard, 'TRIM_HORIZON');
    }
    if (name === 'TrimmedDataAccessException' || name === 'ExpiredIteratorException') {
      throw new LostPosition(`${name} on ${shard.id}`);
    }
    throw err;
  }

  async function deliver(arn: string, shard: ShardState, records: StreamRecord[]): Promise<boolean> {
    try {
      await opts.handler(records, shard.id);
    } catch (err) {
      stats.handlerFailures++;
      shard.failures++;
      roundFailed = true;
      setbacks.log(`handler:${awsErrorName(err) ?? 'Error'}`, 'stream handler failed; batch will be retried', { shardId: shard.id, err: errorText(err) });
      if (!follow) {
        // Not advancing: the same records come again from their first one, after a pause.
        shard.retryAt = Date.now() + backoffDelayMs(shard.failures, { baseDelayMs: 500, maxDelayMs: opts.maxBackoffMs });
        shard.retryFrom = records[0]?.dynamodb?.SequenceNumber;
        shard.iterator = undefined;
        return false;
      }
      if (shard.failures < FOLLOW_DELIVERY_ATTEMPTS) return false; // same iterator next time: same batch
      // Give up on this batch rather than stall the shard; the snapshot covers it.
      snapshotReason = 'lost-position';
    }
    shard.failures = 0;
    shard.retryFrom = undefined;
    const last = records.at(-1)?.dynamodb?.SequenceNumber;
    if (last) {
      checkpoints.set(`${arn}|${shard.id}`, last);
      shard.fromSequence = true;
    }
    stats.batches++;
    stats.records += records.length;
    return true;
  }

  /** One GetRecords on one shard; true when it returned records (so the loop goes round again at once). */
  async function readShard(arn: string, shard: ShardState): Promise<boolean> {
    if (!shard.iterator) shard.iterator = await iteratorFor(arn, shard);
    let out: Pick<GetRecordsCommandOutput, 'Records' | 'NextShardIterator'>;
    try {
      out = shard.iterator ? await streams().send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: 1000 })) : {};
    } catch (err) {
      shard.iterator = await recover(arn, shard, err);
      return false;
    }
    const records = out.Records ?? [];
    if (records.length > 0 && !(await deliver(arn, shard, records))) return false;
    shard.iterator = out.NextShardIterator;
    if (!shard.iterator) {
      // Closed and drained: its children may start now, so list shards again.
      shard.done = true;
      shardsListedAt = 0;
    }
    return records.length > 0;
  }

  function readable(): ShardState[] {
    const now = Date.now();
    return [...shards.values()].filter((s) => {
      if (s.done || s.retryAt > now) return false;
      const parent = s.parentId ? shards.get(s.parentId) : undefined;
      return !parent || parent.done;
    });
  }

  async function round(): Promise<boolean> {
    roundFailed = false;
    const arn = streamArn ?? (await position());
    if (snapshotReason) {
      await opts.onSnapshot?.(snapshotReason);
      snapshotReason = null;
    }
    markReady();
    if (Date.now() - shardsListedAt > opts.shardRefreshMs) await refreshShards(arn);
    let progressed = false;
    for (const shard of readable()) {
      if (stopped) break;
      if (await readShard(arn, shard)) progressed = true;
    }
    if (snapshotReason) {
      streamArn = undefined; // a batch given up on: position again, then snapshot
      return true;
    }
    opts.onCaughtUp?.();
    if (!roundFailed) setbacks.recovered();
    return progressed;
  }

  function onSetback(err: unknown): void {
    const name = awsErrorName(err) ?? 'Error';
    // A deleted table or stream (a local reset), or a position we cannot trust: start over from a new position.
    if (err instanceof LostPosition || name === 'ResourceNotFoundException') streamArn = undefined;
    setbacks.log(name, 'stream read failed; retrying with backoff', { err: errorText(err) });
  }

  async function loop(): Promise<void> {
    log.info('stream reader started', { mode: opts.mode });
    while (!stopped) {
      const progressed = await withRetry(round, {
        attempts: Number.POSITIVE_INFINITY,
        baseDelayMs: opts.idleMs,
        maxDelayMs: opts.maxBackoffMs,
        retryOn: () => !stopped,
        onRetry: onSetback,
      }).catch((err: unknown) => {
        // Only once stopped, or for an error p-retry never retries (a TypeError: a bug); the loop goes on.
        if (!stopped) onSetback(err);
        return false;
      });
      if (!progressed) await sleep(opts.idleMs);
    }
    log.info('stream reader stopped');
  }

  const running = loop();
  return {
    ready,
    stats,
    async stop() {
      stopped = true;
      wake();
      await running;
      markReady();
    },
  };
}
