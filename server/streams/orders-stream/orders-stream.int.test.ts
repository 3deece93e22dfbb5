import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commitOrderCounts } from '../../leaderboard/commit-order-counts';
import { toCountableOrder } from '../../leaderboard/countable-order';
import { dynamoCounts, eventually, makeOrder, putOrder, putProduct, redisCounts, runId, type TestOrder } from '../../leaderboard/test-fixtures';
import { dynamoDoc } from '../../platform/aws/clients';
import { closeRedis, waitForRedis } from '../../platform/cache';
import { tableName } from '../../platform/db/tables';
import { createOrdersStreamConsumer, type OrdersStreamConsumer } from './consumer';
import { handleOrderRecords } from './handle-order-records';
import { allStreamRecords } from './test-support/all-stream-records';

// The orders stream against DynamoDB Local and Redis: placing orders moves the leaderboard within seconds,
// and however records are redelivered (a replay, a restart from TRIM_HORIZON, a crash mid-batch) each order
// counts once.

function isOneOf(orders: TestOrder[]) {
  const ids = new Set(orders.map((o) => o.orderId));
  return (r: _Record) => ids.has(r.dynamodb?.Keys?.orderId?.S ?? '');
}

/** Waits until the consumer has handled at least every record in the stream now (so a double count would show). */
async function caughtUp(consumer: OrdersStreamConsumer): Promise<void> {
  const total = (await allStreamRecords()).length;
  await eventually(async () => expect(consumer.readers.get('top-sellers')!.stats.records).toBeGreaterThanOrEqual(total));
}

describe('orders stream → top sellers', () => {
  const rid = runId();
  const user = `lb-user-${rid}`;
  const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map((x) => `lb-${rid}-${x}`) as [string, string, string, string, string];
  let consumer: OrdersStreamConsumer | undefined;

  beforeAll(async () => {
    if (!(await waitForRedis(3000))) throw new Error('integration setup did not provide Redis');
    await Promise.all([a, b, c, d, e].map((id) => putProduct(id)));
  });
  afterEach(async () => {
    await consumer?.stop();
    consumer = undefined;
  });
  afterAll(async () => closeRedis());

  it('counts placed orders in DynamoDB and Redis within seconds, and only inserted PLACED orders', async () => {
    consumer = createOrdersStreamConsumer({ idleMs: 100 });
    const first = makeOrder(user, [
      [a, 2],
      [b, 1],
    ]);
    const second = makeOrder(user, [
      [a, 1],
      [c, 5],
      [a, 1],
    ]);
    const cancelled = makeOrder(user, [[c, 7]], 'CANCELLED');
    for (const o of [first, second, cancelled]) await putOrder(o);
    // A later status change arrives as MODIFY: not a new sale.
    await dynamoDoc().send(
      new UpdateCommand({
        TableName: tableName('orders'),
        Key: { userId: user, orderId: first.orderId },
        UpdateExpression: 'SET #s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': 'SHIPPED' },
      }),
    );

    const expected = { [a]: 4, [b]: 1, [c]: 5 };
    await eventually(async () => expect(await dynamoCounts([a, b, c])).toEqual(expected));
    await eventually(async () => expect(await redisCounts([a, b, c])).toEqual(expected));
    await caughtUp(consumer);
    expect(await dynamoCounts([a, b, c])).toEqual(expected);
  });

  it('leaves the counts unchanged when the same records are delivered again', async () => {
    const ours = (await allStreamRecords()).filter((r) => r.eventName === 'INSERT' && r.dynamodb?.Keys?.userId?.S === user);
    expect(ours.length).toBe(3);
    const before = { dynamo: await dynamoCounts([a, b, c]), redis: await redisCounts([a, b, c]) };

    const replay = await handleOrderRecords([...ours, ...ours]);
    expect(replay.counted).toEqual([]);
    expect(replay.alreadyCounted).toHaveLength(4); // two PLACED orders, each delivered twice

    // A fresh consumer (a restart) reads the whole retained stream again from TRIM_HORIZON.
    consumer = createOrdersStreamConsumer({ idleMs: 100 });
    await caughtUp(consumer);
    expect(await dynamoCounts([a, b, c])).toEqual(before.dynamo);
    expect(await redisCounts([a, b, c])).toEqual(before.redis);
  });

  it('counts each order exactly once when the consumer crashes mid-batch and restarts from TRIM_HORIZON', async () => {
    const orders = [
      makeOrder(user, [[d, 1]]),
      makeOrder(user, [
        [d, 2],
        [e, 1],
      ]),
      makeOrder(user, [[e, 3]]),
      makeOrder(user, [[d, 4]]),
    ];
    for (const o of orders) await putOrder(o);
    const ours = isOneOf(orders);

    // First life: handles the batch up to and including the second new order, then dies before checkpointing.
    let crashes = 0;
    consumer = createOrdersStreamConsumer({
      idleMs: 100,
      handlers: [
        {
          name: 'top-sellers',
          handle: async (records) => {
            const cut = records.filter(ours).at(1);
            if (!cut) return handleOrderRecords(records);
            await handleOrderRecords(records.slice(0, records.indexOf(cut) + 1));
            crashes++;
            throw new Error('simulated crash mid-batch');
          },
        },
      ],
    });
    await eventually(async () => expect(crashes).toBeGreaterThan(0));
    await consumer.stop();
    expect(await dynamoCounts([d, e])).toEqual({ [d]: 3, [e]: 1 });

    // The third order made it into DynamoDB but the process died before copying it to Redis.
    const third = toCountableOrder(orders[2] as unknown as Record<string, unknown>);
    if (!third.ok) throw new Error('fixture is not countable');
    expect(await commitOrderCounts(third.order)).toBe('counted');

    // Second life: everything again from the start of the stream.
    consumer = createOrdersStreamConsumer({ idleMs: 100 });
    const expected = { [d]: 7, [e]: 4 };
    await eventually(async () => expect(await redisCounts([d, e])).toEqual(expected));
    await caughtUp(consumer);
    expect(await dynamoCounts([d, e])).toEqual(expected);
    expect(await redisCounts([d, e])).toEqual(expected);
  });
});
