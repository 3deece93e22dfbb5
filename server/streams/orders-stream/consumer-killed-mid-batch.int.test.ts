import { spawn } from 'node:child_process';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as topSellersRoute } from '@/app/api/top-sellers/route';
import { addCartItem } from '../../cart';
import { placeOrder } from '../../checkout';
import { checkoutBody, putProduct, uniqueId } from '../../checkout/test-support/fixtures';
import { dynamoCounts, eventually, redisCounts } from '../../leaderboard/test-fixtures';
import { dynamoClient, dynamoStreamsClient } from '../../platform/aws/clients';
import { closeRedis, waitForRedis } from '../../platform/cache';
import { tableName } from '../../platform/db/tables';
import { createOrdersStreamConsumer, type OrdersStreamConsumer } from './consumer';

// Fault suite (issue 7, item 3): the orders-stream consumer crashing mid-batch, for real. The consumer runs in a
// child process (test-support/killable-consumer.ts) that SIGKILLs itself right after DynamoDB acknowledged the
// transaction counting the third of six orders placed through checkout: the dying process never saw that
// acknowledgement, never counted orders four to six, never copied anything to Redis and never checkpointed.
// A restarted consumer (this process, from TRIM_HORIZON, as the app restarts it) must end with every order counted
// exactly once: in the DynamoDB counters, in Redis, and in what GET /api/top-sellers shows.
// (orders-stream.int.test.ts covers redelivery and a simulated crash that throws between whole orders.)

/** Every record the orders stream holds now, read independently of any consumer. */
async function streamRecordCount(): Promise<number> {
  const table = await dynamoClient().send(new DescribeTableCommand({ TableName: tableName('orders') }));
  const arn = table.Table!.LatestStreamArn!;
  const stream = await dynamoStreamsClient().send(new DescribeStreamCommand({ StreamArn: arn }));
  let count = 0;
  for (const shard of stream.StreamDescription?.Shards ?? []) {
    let iterator = (
      await dynamoStreamsClient().send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }))
    ).ShardIterator;
    while (iterator) {
      const page = await dynamoStreamsClient().send(new GetRecordsCommand({ ShardIterator: iterator }));
      count += page.Records?.length ?? 0;
      if ((page.Records ?? []).length === 0) break;
      iterator = page.NextShardIterator;
    }
  }
  return count;
}

function runKillableConsumer(crashAfterOrderId: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  // The react-server condition, as Next and the stream Lambdas' bundles resolve it: `import 'server-only'` in the
  // consumer's handlers (server/fulfilment, server/orders) is its empty module there, and throws under plain Node.
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'server/streams/orders-stream/test-support/killable-consumer.ts'], {
    cwd: process.cwd(),
    env: { ...process.env, CRASH_AFTER_COMMIT_OF: crashAfterOrderId },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
  return new Promise((resolve) => {
    // Bounded: a consumer that never reaches the order is stopped (by its own pid) and the test fails on the signal.
    const timer = setTimeout(() => child.kill('SIGTERM'), 40_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

describe('orders-stream consumer killed mid-batch', () => {
  let consumer: OrdersStreamConsumer | undefined;

  beforeAll(async () => {
    if (!(await waitForRedis(3000))) throw new Error('integration setup did not provide Redis');
  });
  afterAll(async () => {
    await consumer?.stop();
    await closeRedis();
  });

  it('counts each order exactly once after the process dies between a commit and its acknowledgement', async () => {
    const [a, b, c] = [
      await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 500 }] }),
      await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 500 }] }),
      await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 500 }] }),
    ];
    const plan: [typeof a, number][][] = [
      [
        [a, 30],
        [b, 5],
      ],
      [[b, 40]],
      [
        [a, 12],
        [c, 25],
      ],
      [[c, 33]],
      [
        [a, 7],
        [b, 2],
        [c, 1],
      ],
      [[b, 20]],
    ];
    const orderIds: string[] = [];
    for (const lines of plan) {
      const userId = uniqueId('stream-crash');
      for (const [p, quantity] of lines) await addCartItem({ kind: 'user', userId }, { productId: p.id, variantId: 'v', quantity });
      orderIds.push((await placeOrder({ userId, idempotencyKey: crypto.randomUUID(), body: checkoutBody() })).order.id);
    }
    const ids = [a.id, b.id, c.id];
    const sum = (orders: typeof plan) => {
      const out: Record<string, number> = {};
      for (const lines of orders) for (const [p, q] of lines) out[p.id] = (out[p.id] ?? 0) + q;
      return out;
    };

    // First life: dies right after the third order's counts were committed.
    const life = await runKillableConsumer(orderIds[2]!);
    expect(life.signal, life.output.slice(-2000)).toBe('SIGKILL');
    expect(life.output).toContain(`committed counts of ${orderIds[2]}; dying now`);
    // Mid-batch: the first three orders are in the counters, the last three are not.
    expect(await dynamoCounts(ids)).toEqual(sum(plan.slice(0, 3)));

    // Second life: the consumer restarts from the start of the stream.
    const expected = sum(plan);
    expect(expected).toEqual({ [a.id]: 49, [b.id]: 67, [c.id]: 59 });
    consumer = createOrdersStreamConsumer({ idleMs: 100 });
    await eventually(async () => expect(await dynamoCounts(ids)).toEqual(expected), 30_000, 100);
    await eventually(async () => expect(await redisCounts(ids)).toEqual(expected), 30_000, 100);
    // Wait until it has handled the whole retained stream, so a second count of anything would have shown.
    const total = await streamRecordCount();
    await eventually(async () => expect(consumer!.readers.get('top-sellers')!.stats.records).toBeGreaterThanOrEqual(total), 30_000, 100);
    expect(await dynamoCounts(ids)).toEqual(expected);
    expect(await redisCounts(ids)).toEqual(expected);

    // What shoppers see.
    const res = await topSellersRoute(new Request('http://localhost:3000/api/top-sellers?limit=100'), undefined);
    expect(res.status).toBe(200);
    const items = ((await res.json()) as { items: { id: string; sold: number }[] }).items;
    expect(Object.fromEntries(items.filter((i) => ids.includes(i.id)).map((i) => [i.id, i.sold]))).toEqual(expected);
  }, 90_000);
});
