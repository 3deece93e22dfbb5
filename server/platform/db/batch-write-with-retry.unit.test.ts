import type { BatchWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { batchWriteWithRetry, type RequestItems, UnprocessedItemsError } from './batch-write-with-retry';

// The pause between calls is server/platform/db's full-jitter backoff (tested in server/platform/db/retry.unit.test.ts); these tests
// keep it near zero and check what is resent and when the importer gives up.

const put = (id: string) => ({ PutRequest: { Item: { id } } });
const items = (...ids: string[]): RequestItems => ({ products: ids.map(put) });
const fast = { baseDelayMs: 1, maxDelayMs: 1 };

describe('batchWriteWithRetry', () => {
  it('resends only the unprocessed items until all are written', async () => {
    const calls: BatchWriteCommandInput[] = [];
    const answers = [{ UnprocessedItems: items('b', 'c') }, { UnprocessedItems: items('c') }, { UnprocessedItems: {} }];
    const result = await batchWriteWithRetry(
      async (input) => {
        calls.push(input);
        return answers[calls.length - 1] ?? {};
      },
      items('a', 'b', 'c'),
      fast,
    );
    expect(result).toEqual({ attempts: 3 });
    expect(calls.map((c) => c.RequestItems?.products?.map((r) => r.PutRequest?.Item?.id))).toEqual([['a', 'b', 'c'], ['b', 'c'], ['c']]);
  });

  it('gives up after the attempt limit with an error naming what was left unwritten', async () => {
    let calls = 0;
    const attempt = batchWriteWithRetry(
      async () => {
        calls++;
        return { UnprocessedItems: items('x') };
      },
      items('x', 'y'),
      { ...fast, maxAttempts: 4 },
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
    await expect(batchWriteWithRetry(failing, items('a'), fast)).rejects.toThrow('ValidationException');
    expect(calls).toBe(1);
  });
});
