import type { BatchWriteCommandInput, BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { type RetryPolicy, withRetry } from '.';

// BatchWriteItem succeeds as a call even when DynamoDB skips some items (throttling, a busy partition); those come
// back as UnprocessedItems and are ours to resend. Thrown errors (network, validation) are the SDK's to retry and
// are passed through unchanged.

export type RequestItems = NonNullable<BatchWriteCommandInput['RequestItems']>;
export type BatchWriteSend = (input: BatchWriteCommandInput) => Promise<Pick<BatchWriteCommandOutput, 'UnprocessedItems'>>;

export type BatchWriteRetryOptions = Partial<Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>> & {
  /** Calls in total, the first included. */
  maxAttempts?: number;
};

export class UnprocessedItemsError extends Error {
  readonly unprocessed: RequestItems;
  constructor(unprocessed: RequestItems, attempts: number) {
    const count = countItems(unprocessed);
    super(
      `DynamoDB left ${count} item${count === 1 ? '' : 's'} unwritten after ${attempts} attempts; the table is throttled or overloaded. Re-run the import.`,
    );
    this.name = 'UnprocessedItemsError';
    this.unprocessed = unprocessed;
  }
}

function countItems(items: RequestItems): number {
  return Object.values(items).reduce((n, requests) => n + (requests?.length ?? 0), 0);
}

/** Sends one batch (at most 25 requests) until every item is written; returns how many calls it took. */
export async function batchWriteWithRetry(
  send: BatchWriteSend,
  requestItems: RequestItems,
  options: BatchWriteRetryOptions = {},
): Promise<{ attempts: number }> {
  const { maxAttempts = 8, baseDelayMs = 50, maxDelayMs = 3_000, random } = options;
  let pending: RequestItems = requestItems;
  return withRetry(
    async (attempt) => {
      const out = await send({ RequestItems: pending });
      const unprocessed = out.UnprocessedItems ?? {};
      if (countItems(unprocessed) === 0) return { attempts: attempt };
      pending = unprocessed;
      throw new UnprocessedItemsError(unprocessed, attempt);
    },
    { attempts: maxAttempts, baseDelayMs, maxDelayMs, random, retryOn: (err) => err instanceof UnprocessedItemsError },
  );
}
