import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import { dynamoClient, dynamoStreamsClient } from '../../aws/clients';
import { errorKind, type OnceLogger } from './log-once';

// Follows a table's DynamoDB stream from inside a long-running process (the local stack; on AWS a
// stream-subscribed Lambda does this job) for a consumer whose state is a snapshot of the table (the search
// index): take a position at the head of every open shard, let the consumer do its full read, then follow.
// Unlike the checkpointing reader in ../stream-poller.ts (orders: replay from TRIM_HORIZON, exactly-once by
// markers), a lost position here is answered by a new position plus a new full read, never by replaying old
// images over a fresher index. It never throws out of its loop: every failure is logged once per kind and
// retried with backoff, so a stream problem degrades freshness, never the process.
//
// Shard lifecycle: at start, open shards are read from LATEST and closed ones are skipped (their records are
// older than the full read the consumer does next). Shards found later (children of a closed shard) are read
// from TRIM_HORIZON, after their parent is finished, so changes to one item stay in order.

export type StreamFollowerOptions = {
  tableName: string;
  /** One shard's batch, in stream order. Throwing makes the follower retry the same batch. */
  onRecords: (records: _Record[]) => Promise<void>;
  /**
   * The consumer must rebuild its state from a full read of the table. Called once the shard iterators are in
   * place, so changes made during the read are delivered afterwards (re-applying them must be harmless):
   * at start ('start'), and when the stream position was lost ('lost-position': trimmed records, a recreated
   * table or stream, or a batch given up on).
   */
  onResync: (reason: 'start' | 'lost-position') => Promise<void>;
  log: OnceLogger;
  /** After every round in which every readable shard was read without error. */
  onCaughtUp?: () => void;
  pollIntervalMs?: number;
  rediscoverIntervalMs?: number;
  maxBackoffMs?: number;
};

type ShardState = {
  id: string;
  parentId: string | undefined;
  iterator: string | undefined;
  /** Last record handed to onRecords successfully; a lost iterator resumes after it. */
  lastSequenceNumber: string | undefined;
  /** Where to start when there is neither an iterator nor a sequence number. */
  startAt: 'LATEST' | 'TRIM_HORIZON';
  done: boolean;
  failedDeliveries: number;
};

/** A batch that fails this many times in a row is skipped, and the consumer rebuilds from a full read instead. */
const MAX_DELIVERY_ATTEMPTS = 3;

class StreamGoneError extends Error {
  override name = 'StreamGone';
}

export class StreamFollower {
  private readonly pollIntervalMs: number;
  private readonly rediscoverIntervalMs: number;
  private readonly maxBackoffMs: number;
  private streamArn: string | undefined;
  private shards = new Map<string, ShardState>();
  private lastDiscoveryAt = 0;
  private needsDiscovery = false;
  private needsPosition = true;
  private resyncReason: 'start' | 'lost-position' | null = 'start';
  private failures = 0;
  private stopped = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private markReady: () => void = () => {};
  /** Resolves once positioned on the stream and the first resync is done (or when stopped before that). */
  readonly ready: Promise<void> = new Promise((resolve) => (this.markReady = resolve));

  constructor(private readonly opts: StreamFollowerOptions) {
    this.pollIntervalMs = opts.pollIntervalMs ?? 1_000;
    this.rediscoverIntervalMs = opts.rediscoverIntervalMs ?? 60_000;
    this.maxBackoffMs = opts.maxBackoffMs ?? 30_000;
  }

  start(): Promise<void> {
    this.loop ??= this.run();
    return this.ready;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    this.markReady();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let delay = this.pollIntervalMs;
      try {
        if (this.needsPosition) await this.positionAtHead();
        if (this.resyncReason) {
          await this.opts.onResync(this.resyncReason);
          this.resyncReason = null;
          this.markReady();
        }
        if (this.needsDiscovery || Date.now() - this.lastDiscoveryAt >= this.rediscoverIntervalMs) await this.discoverShards();
        const busy = await this.pollShards();
        if (!this.needsPosition) this.opts.onCaughtUp?.();
        if (this.failures > 0) this.opts.log.recovered();
        this.failures = 0;
        // A shard that returned records may hold more: read again at once instead of waiting a second.
        delay = busy ? 0 : this.pollIntervalMs;
      } catch (err) {
        this.failures++;
        if (err instanceof StreamGoneError || errorKind(err) === 'ResourceNotFoundException') {
          // The table or its stream was replaced (a local reset, a re-created table): start over.
          this.needsPosition = true;
        }
        this.opts.log.warn(errorKind(err), 'stream read failed; retrying with backoff', err);
        delay = this.backoff();
      }
      await this.sleep(delay);
    }
  }

  private backoff(): number {
    const exp = Math.min(this.maxBackoffMs, this.pollIntervalMs * 2 ** Math.min(this.failures - 1, 10));
    return Math.round(exp * (0.8 + Math.random() * 0.4));
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      // Never keep a process (a test run, a script) alive just to poll.
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async listShards(streamArn: string): Promise<{ shards: Shard[]; enabled: boolean }> {
    const shards: Shard[] = [];
    let start: string | undefined;
    let enabled = true;
    do {
      const out = await dynamoStreamsClient().send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }));
      const status = out.StreamDescription?.StreamStatus;
      enabled = status !== 'DISABLED' && status !== 'DISABLING';
      shards.push(...(out.StreamDescription?.Shards ?? []));
      start = out.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return { shards, enabled };
  }

  /** Current stream, LATEST iterators on its open shards. Run before the consumer's full read, never after. */
  private async positionAtHead(): Promise<void> {
    const { Table } = await dynamoClient().send(new DescribeTableCommand({ TableName: this.opts.tableName }));
    const arn = Table?.LatestStreamArn;
    if (!arn || Table?.StreamSpecification?.StreamEnabled === false) {
      throw new StreamGoneError(`table ${this.opts.tableName} has no enabled stream`);
    }
    const { shards } = await this.listShards(arn);
    const states = new Map<string, ShardState>();
    for (const shard of shards) {
      if (!shard.ShardId) continue;
      const open = !shard.SequenceNumberRange?.EndingSequenceNumber;
      const state: ShardState = {
        id: shard.ShardId,
        parentId: shard.ParentShardId,
        iterator: undefined,
        lastSequenceNumber: undefined,
        startAt: 'LATEST',
        done: !open,
        failedDeliveries: 0,
      };
      if (open) state.iterator = await this.iteratorFor(arn, state);
      states.set(state.id, state);
    }
    // LATEST skips whatever happened since the last read, so any repositioning after the first needs a rebuild.
    if (this.streamArn !== undefined) this.resyncReason = 'lost-position';
    this.streamArn = arn;
    this.shards = states;
    this.lastDiscoveryAt = Date.now();
    this.needsDiscovery = false;
    this.needsPosition = false;
  }

  private async discoverShards(): Promise<void> {
    const arn = this.streamArn;
    if (!arn) return;
    const { shards, enabled } = await this.listShards(arn);
    if (!enabled) throw new StreamGoneError(`stream ${arn} is disabled`);
    const listed = new Set<string>();
    for (const shard of shards) {
      if (!shard.ShardId) continue;
      listed.add(shard.ShardId);
      if (this.shards.has(shard.ShardId)) continue;
      // New since we positioned: all of its records are newer than our full read.
      this.shards.set(shard.ShardId, {
        id: shard.ShardId,
        parentId: shard.ParentShardId,
        iterator: undefined,
        lastSequenceNumber: undefined,
        startAt: 'TRIM_HORIZON',
        done: false,
        failedDeliveries: 0,
      });
    }
    // Finished shards that the stream no longer lists (trimmed after 24 h) need not be remembered.
    for (const [id, state] of this.shards) if (state.done && !listed.has(id)) this.shards.delete(id);
    this.lastDiscoveryAt = Date.now();
    this.needsDiscovery = false;
  }

  private async iteratorFor(arn: string, shard: ShardState): Promise<string | undefined> {
    const out = await dynamoStreamsClient().send(
      new GetShardIteratorCommand(
        shard.lastSequenceNumber
          ? { StreamArn: arn, ShardId: shard.id, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: shard.lastSequenceNumber }
          : { StreamArn: arn, ShardId: shard.id, ShardIteratorType: shard.startAt },
      ),
    );
    return out.ShardIterator;
  }

  private readyToRead(shard: ShardState): boolean {
    if (shard.done) return false;
    const parent = shard.parentId ? this.shards.get(shard.parentId) : undefined;
    return !parent || parent.done;
  }

  /** One GetRecords per readable shard. True when any shard returned records. */
  private async pollShards(): Promise<boolean> {
    const arn = this.streamArn;
    if (!arn) return false;
    let busy = false;
    for (const shard of [...this.shards.values()]) {
      if (this.stopped) break;
      if (!this.readyToRead(shard)) continue;
      try {
        busy = (await this.pollShard(arn, shard)) || busy;
      } catch (err) {
        const kind = errorKind(err);
        if (kind === 'ExpiredIteratorException' && (shard.lastSequenceNumber || shard.startAt === 'TRIM_HORIZON')) {
          // Iterators live 15 minutes. Resume exactly after the last delivered record, or from the start of a
          // shard that only holds records newer than our last full read.
          shard.iterator = undefined;
          this.opts.log.warn(kind, 'shard iterator expired; resuming', err);
        } else if (kind === 'ExpiredIteratorException' || kind === 'TrimmedDataAccessException') {
          // Our place in the stream is gone (a LATEST iterator that expired before any record, or records
          // trimmed before we read them after a day-long stall). Replaying the shard would roll products back
          // to old images until it caught up, so take a new position and rebuild from a full read instead.
          this.needsPosition = true;
          this.opts.log.warn(kind, 'lost the stream position; repositioning and rebuilding', err);
          break;
        } else {
          throw err;
        }
      }
    }
    return busy;
  }

  private async pollShard(arn: string, shard: ShardState): Promise<boolean> {
    shard.iterator ??= await this.iteratorFor(arn, shard);
    if (!shard.iterator) {
      this.finishShard(shard);
      return false;
    }
    const out = await dynamoStreamsClient().send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: 1000 }));
    const records = out.Records ?? [];
    if (records.length > 0) {
      try {
        await this.opts.onRecords(records);
        shard.failedDeliveries = 0;
      } catch (err) {
        shard.failedDeliveries++;
        this.opts.log.warn(`handler:${errorKind(err)}`, 'handling stream records failed; retrying the batch', err);
        if (shard.failedDeliveries < MAX_DELIVERY_ATTEMPTS) return false; // same iterator next time: same batch
        // Give up on this batch rather than stall the shard; the rebuild from a full read covers it.
        shard.failedDeliveries = 0;
        this.resyncReason = 'lost-position';
      }
      shard.lastSequenceNumber = records.at(-1)?.dynamodb?.SequenceNumber ?? shard.lastSequenceNumber;
    }
    shard.iterator = out.NextShardIterator;
    // No next iterator: the shard is closed and fully read; its children can be found and read now.
    if (!shard.iterator) this.finishShard(shard);
    return records.length > 0;
  }

  private finishShard(shard: ShardState): void {
    shard.done = true;
    this.needsDiscovery = true;
  }
}
