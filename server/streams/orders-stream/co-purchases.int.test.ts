import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually, makeOrder, putOrder, putProduct, runId } from '../../leaderboard/test-fixtures';
import { dynamoClient } from '../../platform/aws/clients';
import { tableName } from '../../platform/db/tables';
import { forgetProductRecommendations, recommendForProduct } from '../../recommendations';
import { commitOrderPairs, readBoughtTogether, readPairCounts } from '../../recommendations/bought-together-store';
import { createOrdersStreamConsumer, type OrdersStreamConsumer } from './consumer';
import { handleCoPurchaseRecords } from './handle-co-purchase-records';
import { allStreamRecords } from './test-support/all-stream-records';

// Issue 26, item 1: "bought together" from the orders stream against DynamoDB Local. Orders with baskets go through
// the registered consumer (the same reader `npm run dev` starts) into pair counters and per-product top lists, read
// back with the one GetItem the product page uses; redelivered records (a replay, a restart from TRIM_HORIZON)
// change nothing.

const partnersOf = async (id: string) => Object.fromEntries((await readBoughtTogether(id)).map((p) => [p.id, p.orders]));

async function caughtUp(consumer: OrdersStreamConsumer): Promise<void> {
  const total = (await allStreamRecords()).length;
  await eventually(async () => expect(consumer.readers.get('co-purchases')!.stats.records).toBeGreaterThanOrEqual(total), 30_000);
}

describe('orders stream → bought together', () => {
  const rid = runId();
  const user = `cp-user-${rid}`;
  const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((x) => `cp-${rid}-${x}`) as [string, string, string, string];
  let consumer: OrdersStreamConsumer | undefined;

  beforeAll(async () => {
    await Promise.all([a, b, c, d].map((id) => putProduct(id)));
  });
  afterEach(async () => {
    await consumer?.stop();
    consumer = undefined;
  });

  it('counts each placed basket into both products’ top lists, most shared orders first', async () => {
    consumer = createOrdersStreamConsumer({ idleMs: 100 });
    const orders = [
      makeOrder(user, [
        [a, 1],
        [b, 2],
      ]),
      makeOrder(user, [
        [a, 1],
        [b, 1],
        [c, 1],
        [a, 3], // a second line of the same product: still one order holding a and b
      ]),
      makeOrder(user, [[a, 4]]), // alone: nothing bought together
      makeOrder(
        user,
        [
          [a, 1],
          [d, 1],
        ],
        'CANCELLED',
      ), // not a sale
    ];
    for (const o of orders) await putOrder(o);

    // A co-purchase must show within 15 s of the order (the reader polls every 100 ms here; no timing is asserted beyond that bound).
    await eventually(async () => {
      expect(await partnersOf(a)).toEqual({ [b]: 2, [c]: 1 });
      expect(await partnersOf(b)).toEqual({ [a]: 2, [c]: 1 });
      expect(await partnersOf(c)).toEqual({ [a]: 1, [b]: 1 });
    }, 15_000);
    expect((await readBoughtTogether(a)).map((p) => p.id)).toEqual([b, c]);
    expect(await partnersOf(d)).toEqual({});
  });

  it('leaves counters and top lists unchanged when the same records are delivered again, or the reader restarts', async () => {
    const ours = (await allStreamRecords()).filter((r) => r.eventName === 'INSERT' && r.dynamodb?.Keys?.userId?.S === user);
    expect(ours).toHaveLength(4);
    const before = { a: await partnersOf(a), b: await partnersOf(b), c: await partnersOf(c) };

    const replay = await handleCoPurchaseRecords([...ours, ...ours]);
    expect(replay.counted).toEqual([]);
    expect(replay.alreadyCounted).toHaveLength(4); // two baskets with pairs, each delivered twice

    consumer = createOrdersStreamConsumer({ idleMs: 100 });
    await caughtUp(consumer);
    expect({ a: await partnersOf(a), b: await partnersOf(b), c: await partnersOf(c) }).toEqual(before);
    const counters = await readPairCounts([
      [a, b],
      [b, a],
    ]);
    expect(counters.get(a)).toEqual([{ id: b, orders: 2 }]);
    expect(counters.get(b)).toEqual([{ id: a, orders: 2 }]);
  });

  it('answers a product page from the top list with one GetItem, never reading the orders table', async () => {
    const sent: { command: string; table: unknown }[] = [];
    const record = (next: (args: { input: object }) => Promise<unknown>, context: { commandName?: string }) => async (args: { input: object }) => {
      sent.push({ command: context.commandName ?? '', table: (args.input as { TableName?: unknown }).TableName });
      return next(args);
    };
    dynamoClient().middlewareStack.add(record as never, { step: 'initialize', name: 'recordCoPurchaseReads' });
    try {
      forgetProductRecommendations();
      const recs = await recommendForProduct(a, 4);
      expect(recs.items.map((i) => i.id).slice(0, 2)).toEqual([b, c]);
    } finally {
      dynamoClient().middlewareStack.remove('recordCoPurchaseReads');
    }
    // Logged, not asserted (speed belongs to benchmarks): what one uncached answer asked DynamoDB for.
    console.info(`recommendForProduct: ${sent.length} DynamoDB requests: ${sent.map((s) => `${s.command} ${String(s.table)}`).join(', ')}`);
    expect(sent.filter((s) => s.table === tableName('orders'))).toEqual([]);
    expect(sent.filter((s) => s.table === tableName('coPurchases'))).toEqual([{ command: 'GetItemCommand', table: tableName('coPurchases') }]);
  });

  it('catches a top list up when a delivery committed the counters and died before copying them', async () => {
    const order = makeOrder(user, [
      [c, 1],
      [d, 1],
    ]);
    // What the first delivery did before it died: the counters and the marker, no top lists.
    await commitOrderPairs(order.userId, order.orderId, [
      [c, d],
      [d, c],
    ]);
    expect(await partnersOf(d)).toEqual({});

    await putOrder(order); // the record that is then delivered (again, as far as the markers know)
    const record = await eventually(async () => {
      const found = (await allStreamRecords()).find((r) => r.eventName === 'INSERT' && r.dynamodb?.Keys?.orderId?.S === order.orderId);
      expect(found).toBeDefined();
      return found!;
    });
    const report = await handleCoPurchaseRecords([record]);
    expect(report.alreadyCounted).toEqual([order.orderId]);
    expect(await partnersOf(d)).toEqual({ [c]: 1 });
    expect(await partnersOf(c)).toEqual({ [a]: 1, [b]: 1, [d]: 1 });
  });
});
