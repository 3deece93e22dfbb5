import { describe, expect, it } from 'vitest';
import { isConditionalCheckFailure, isThrottling } from '../db/aws-errors';
import { type BatchGetSend, batchGetAll } from '../db/batch-get-all';
import { backoffDelayMs, equalJitterDelayMs, withRetry } from './retry';

const conflict = () => Object.assign(new Error('lost the race'), { name: 'ConditionalCheckFailedException' });

describe('withRetry', () => {
  it('retries a retryable failure and answers the later success', async () => {
    let calls = 0;
    const answer = await withRetry(
      async (attempt) => {
        calls++;
        if (attempt < 3) throw conflict();
        return 'ok';
      },
      { attempts: 5, baseDelayMs: 1, maxDelayMs: 2, retryOn: isConditionalCheckFailure },
    );
    expect(answer).toBe('ok');
    expect(calls).toBe(3);
  });

  it('throws a failure it may not retry at once, as it was', async () => {
    let calls = 0;
    const boom = new Error('validation');
    await expect(
      withRetry(
        async () => {
          calls++;
          throw boom;
        },
        { attempts: 5, baseDelayMs: 1, maxDelayMs: 2, retryOn: isConditionalCheckFailure },
      ),
    ).rejects.toBe(boom);
    expect(calls).toBe(1);
  });

  it('stops after the attempts and throws the last failure', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw conflict();
        },
        { attempts: 4, baseDelayMs: 1, maxDelayMs: 1, retryOn: isConditionalCheckFailure },
      ),
    ).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    expect(calls).toBe(4);
  });

  it('pauses as delayMs says for each failure, when given', async () => {
    const asked: [string, number][] = [];
    await withRetry(
      async (attempt) => {
        if (attempt < 3) throw Object.assign(conflict(), { message: `try ${attempt}` });
        return 'ok';
      },
      {
        attempts: 5,
        baseDelayMs: 1_000,
        maxDelayMs: 1_000,
        retryOn: isConditionalCheckFailure,
        delayMs: (err, retry) => {
          asked.push([(err as Error).message, retry]);
          return 0;
        },
      },
    );
    expect(asked).toEqual([
      ['try 1', 1],
      ['try 2', 2],
    ]);
  });

  it('stops retrying once the time budget has passed, with the last failure', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw conflict();
        },
        { attempts: 1_000, baseDelayMs: 20, maxDelayMs: 20, random: () => 1, budgetMs: 30, retryOn: isConditionalCheckFailure },
      ),
    ).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    // Each pause is 20 ms, so a 30 ms budget allows at most two retries (fewer on a slow machine).
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThanOrEqual(3);
  });

  it('equal jitter always waits at least half of the doubling ceiling', () => {
    const policy = { baseDelayMs: 50, maxDelayMs: 400 };
    expect([1, 2, 3, 4, 5].map((r) => equalJitterDelayMs(r, { ...policy, random: () => 0 }))).toEqual([25, 50, 100, 200, 200]);
    expect([1, 2, 3, 4, 5].map((r) => equalJitterDelayMs(r, { ...policy, random: () => 0.999 }))).toEqual([49, 99, 199, 399, 399]);
  });

  it('pauses with full jitter below a doubling ceiling', () => {
    const policy = { baseDelayMs: 10, maxDelayMs: 50, random: () => 0.999 };
    expect([1, 2, 3, 4].map((r) => backoffDelayMs(r, policy))).toEqual([9, 19, 39, 49]);
    expect(backoffDelayMs(3, { ...policy, random: () => 0 })).toBe(0);
  });
});

describe('batchGetAll', () => {
  it('asks again for UnprocessedKeys until every key is answered, 100 keys per call', async () => {
    const keys = Array.from({ length: 150 }, (_, i) => ({ id: `p${i}` }));
    const calls: number[] = [];
    let handedBack = false;
    const send: BatchGetSend = async ({ RequestItems }) => {
      const asked = RequestItems.t!.Keys;
      calls.push(asked.length);
      // The first call answers all but two keys.
      const unprocessed = handedBack ? [] : asked.slice(0, 2);
      handedBack = true;
      const answered = asked.filter((k) => !unprocessed.includes(k));
      return { Responses: { t: answered }, UnprocessedKeys: unprocessed.length ? { t: { Keys: unprocessed } } : undefined };
    };
    const items = await batchGetAll('t', keys, { send });
    expect(items.map((i) => i.id).sort()).toEqual(keys.map((k) => k.id).sort());
    expect(calls).toEqual([100, 2, 50]);
  });
});

describe('AWS error predicates', () => {
  it('read the error by name, so a copy of the SDK class from another bundle still matches', () => {
    expect(isConditionalCheckFailure({ name: 'ConditionalCheckFailedException' })).toBe(true);
    expect(isThrottling({ name: 'ProvisionedThroughputExceededException' })).toBe(true);
    expect(isThrottling(new Error('x'))).toBe(false);
    expect(isConditionalCheckFailure(null)).toBe(false);
  });
});
