import { describe, expect, it } from 'vitest';
import type { BatchWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { backoffDelayMs } from './backoff';
import { batchWriteWithRetry, UnprocessedItemsError, type RequestItems } from './batch-write-with-retry';

const put = (id: string) => ({ PutRequest: { Item: { id } } });
const items = (...ids: string[]): RequestItems => ({ products: ids.map(put) });

describe('batchWriteWithRetry', () => {
  it('resends only the unprocessed items, waiting longer each time, until all are written', async () => {
    const calls: BatchWriteCommandInput[] = [];
    const answers = [{ UnprocessedItems: items('b', 'c') }, { UnprocessedItems: items('c') }, { UnprocessedItems: {} }];
    const waits: number[] = [];
    const result = await batchWriteWithRetry(
      async (input) => {
        calls.push(input);
        return answers[calls.length - 1] ?? {};
      },
      items('a', 'b', 'c'),
      { random: () => 0.999, baseDelayMs: 10, maxDelayMs: 1000, sleep: async (ms) => void waits.push(ms) },
    );
    expect(result).toEqual({ attempts: 3 });
    expect(calls.map((c) => c.RequestItems?.products?.map((r) => r.PutRequest?.Item?.id))).toEqual([['a', 'b', 'c'], ['b', 'c'], ['c']]);
    expect(waits).toEqual([9, 19]);
  });

  it('gives up after the attempt limit with an error naming what was left unwritten', async () => {
    let calls = 0;
    const attempt = batchWriteWithRetry(
      async () => {
        calls++;
        return { UnprocessedItems: items('x') };
      },
      items('x', 'y'),
      { maxAttempts: 4, sleep: async () => {} },
    );
    await expect(attempt).rejects.toBeInstanceOf(UnprocessedItemsError);
    await expect(attempt).rejects.toThrow(/1 item unwritten after 4 attempts/);
    expect(calls).toBe(4);
  });

  it('passes a thrown error through without retrying it itself (the SDK already has)', async () => {
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error('ValidationException');
    };
    await expect(batchWriteWithRetry(failing, items('a'), { sleep: async () => {} })).rejects.toThrow('ValidationException');
    expect(calls).toBe(1);
  });
});

describe('backoffDelayMs', () => {
  it('doubles the ceiling per retry up to the maximum, with full jitter below it', () => {
    const opts = { baseDelayMs: 50, maxDelayMs: 300 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, { ...opts, random: () => 0.9999 }))).toEqual([49, 99, 199, 299, 299]);
    expect(backoffDelayMs(3, { ...opts, random: () => 0 })).toBe(0);
  });
});
