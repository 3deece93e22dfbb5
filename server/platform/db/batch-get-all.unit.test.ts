import { describe, expect, it } from 'vitest';
import { type BatchGetSend, batchGetTables } from './batch-get-all';

describe('batchGetTables', () => {
  it('reads the keys of several tables in one call, consistent where asked, and asks again for what was left', async () => {
    const calls: Parameters<BatchGetSend>[0][] = [];
    type Answer = Awaited<ReturnType<BatchGetSend>>;
    const send: BatchGetSend = async (input): Promise<Answer> => {
      calls.push(structuredClone(input));
      if (calls.length === 1) {
        // The first answer leaves one stock key unprocessed (throttling): only that key is asked for again.
        return {
          Responses: { products: [{ id: 'p1' }], stock: [{ productId: 'p1', slot: 'v#0' }] },
          UnprocessedKeys: { stock: { Keys: [{ productId: 'p1', slot: 'v#1' }] } },
        };
      }
      return { Responses: { stock: [{ productId: 'p1', slot: 'v#1' }] } };
    };
    const found = await batchGetTables(
      {
        products: { keys: [{ id: 'p1' }], consistentRead: true },
        stock: {
          keys: [
            { productId: 'p1', slot: 'v#0' },
            { productId: 'p1', slot: 'v#1' },
          ],
          consistentRead: true,
        },
      },
      { send },
    );
    expect(found).toEqual({
      products: [{ id: 'p1' }],
      stock: [
        { productId: 'p1', slot: 'v#0' },
        { productId: 'p1', slot: 'v#1' },
      ],
    });
    expect(calls[0]).toEqual({
      RequestItems: {
        products: { Keys: [{ id: 'p1' }], ConsistentRead: true },
        stock: {
          Keys: [
            { productId: 'p1', slot: 'v#0' },
            { productId: 'p1', slot: 'v#1' },
          ],
          ConsistentRead: true,
        },
      },
    });
    expect(calls[1]).toEqual({ RequestItems: { stock: { Keys: [{ productId: 'p1', slot: 'v#1' }], ConsistentRead: true } } });
  });

  it('splits more than 100 keys in all into calls of at most 100', async () => {
    const sizes: number[] = [];
    const send: BatchGetSend = async (input) => {
      sizes.push(Object.values(input.RequestItems).reduce((n, t) => n + t.Keys.length, 0));
      return { Responses: {} };
    };
    await batchGetTables(
      { a: { keys: Array.from({ length: 70 }, (_, i) => ({ id: `a${i}` })) }, b: { keys: Array.from({ length: 60 }, (_, i) => ({ id: `b${i}` })) } },
      { send },
    );
    expect(sizes).toEqual([100, 30]);
  });
});
