import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { cancellationCodes, withRetry } from '../platform/db';
import { tableName } from '../platform/db/tables';
import type { CountableOrder } from './contract';
import { countedMarkerKey, soldCounterKey } from './keys';

// The source of truth for "units sold": one DynamoDB transaction per order puts a processed marker (conditional
// on it not existing) and adds each product's units to its counter. Either both happen or neither, so however
// often a stream record is delivered (retries, replays from TRIM_HORIZON, a crash mid-batch), an order counts once.

/** TransactWriteItems takes at most 100 actions: one marker plus 99 counters. */
export const PRODUCTS_PER_TRANSACTION = 99;

/** Markers only need to outlive stream retention (24 h) plus retries; a TTL on `expiresAt` may reap them. */
const MARKER_LIFETIME_SECONDS = 30 * 24 * 3600;

const RETRYABLE_REASONS = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded', 'RequestLimitExceeded']);

/** The marker is the first action: its condition failing means this chunk was applied before. */
const alreadyApplied = (err: unknown) => cancellationCodes(err)[0] === 'ConditionalCheckFailed';

// Another consumer (a parallel shard, a second Lambda) updating the same counter at the same moment, or throttling:
// nothing was written, so trying again is safe.
const COUNTER_RACE_RETRY = {
  attempts: 8,
  baseDelayMs: 40,
  maxDelayMs: 1_000,
  retryOn: (err: unknown) => !alreadyApplied(err) && cancellationCodes(err).some((r) => RETRYABLE_REASONS.has(r)),
};

export type CommitOutcome = 'counted' | 'already-counted';

/**
 * Applies one order to the counters. 'already-counted' means every chunk's marker was there: a replay.
 * An order with more than 99 products is split into chunks, each with its own marker, so a crash between
 * chunks resumes where it stopped instead of double-counting the first.
 */
export async function commitOrderCounts(order: CountableOrder, now = new Date()): Promise<CommitOutcome> {
  // Sorted so the chunks are identical on every delivery of the record.
  const entries = [...order.quantities.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const chunks: [string, number][][] = [];
  for (let i = 0; i < entries.length; i += PRODUCTS_PER_TRANSACTION) chunks.push(entries.slice(i, i + PRODUCTS_PER_TRANSACTION));

  let counted = false;
  for (const [index, chunk] of chunks.entries()) {
    if ((await commitChunk(order, index, chunks.length, chunk, now)) === 'counted') counted = true;
  }
  return counted ? 'counted' : 'already-counted';
}

async function commitChunk(order: CountableOrder, chunk: number, chunks: number, entries: [string, number][], now: Date): Promise<CommitOutcome> {
  const table = tableName('sales');
  const input: TransactWriteCommandInput = {
    TransactItems: [
      {
        Put: {
          TableName: table,
          Item: {
            ...countedMarkerKey(order.userId, order.orderId, chunk),
            kind: 'order-counted',
            userId: order.userId,
            orderId: order.orderId,
            chunk,
            chunks,
            countedAt: now.toISOString(),
            expiresAt: Math.floor(now.getTime() / 1000) + MARKER_LIFETIME_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...entries.map(([productId, units]) => ({
        Update: {
          TableName: table,
          Key: soldCounterKey(productId),
          UpdateExpression: 'ADD sold :units SET updatedAt = :now',
          ExpressionAttributeValues: { ':units': units, ':now': now.toISOString() },
        },
      })),
    ],
  };

  try {
    await withRetry(() => dynamoDoc().send(new TransactWriteCommand(input)), COUNTER_RACE_RETRY);
    return 'counted';
  } catch (err) {
    if (alreadyApplied(err)) return 'already-counted';
    throw err;
  }
}
