import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import type { ServiceInputTypes as StreamsInput, ServiceOutputTypes as StreamsOutput } from '@aws-sdk/client-dynamodb-streams';
import type { InitializeMiddleware } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCartItem } from '../cart';
import { placeOrder } from '../checkout';
import { checkoutBody, putProduct, uniqueId } from '../checkout/test-support/fixtures';
import { dynamoCounts, eventually } from '../leaderboard/test-fixtures';
import { dynamoClient, dynamoStreamsClient, resetAwsClientsForTests } from '../platform/aws/clients';
import { resetConfigForTests } from '../platform/config';
import { tableDefinitions, tableName } from '../platform/db/tables';
import { searchProducts } from '../search';
import { resetSearchIndexForTests } from '../search/search-index-store';
import { startOrdersStreamConsumer, stopOrdersStreamConsumer } from './orders-stream';
import { startProductsStreamConsumer, stopProductsStreamConsumer } from './products-stream';

// A fresh stack's first order, with both stream consumers running, as `npm run dev` does it: brand-new tables (so
// brand-new, empty streams), consumers that already hold iterators on the empty shards, then one product and one
// order. DynamoDB Local numbers stream records from one counter shared by every stream, so each table's first record
// is numbered above the iterator taken on its empty shard; the readers once took that for trimmed records (an
// error from the orders reader, a lost position and a full rebuild from the products reader). Nothing may be
// logged as a problem, and both records must arrive.

const previousPrefix = process.env.TABLE_PREFIX;
const previousLevel = process.env.LOG_LEVEL;
const prefix = `fresh-${Date.now().toString(36)}-`;
const lines: { level: string; msg: string; component?: string; reason?: string }[] = [];
const restoreConsole: (() => void)[] = [];
/** GetRecords calls per stream ARN: proof that a reader holds an iterator on the still-empty shard. */
const reads = new Map<string, number>();
const readsOf = (table: string) => [...reads].filter(([arn]) => arn.includes(`/${table}/`)).reduce((n, [, c]) => n + c, 0);

beforeAll(async () => {
  for (const level of ['info', 'warn', 'error'] as const) {
    const original = console[level];
    console[level] = (...args: unknown[]) => {
      const text = args.map(String).join(' ');
      try {
        lines.push(JSON.parse(text) as (typeof lines)[number]);
      } catch {
        lines.push({ level, msg: text });
      }
    };
    restoreConsole.push(() => (console[level] = original));
  }
  process.env.TABLE_PREFIX = prefix;
  process.env.LOG_LEVEL = 'info';
  process.env.STREAM_CONSUMERS = 'inprocess';
  resetConfigForTests();
  resetAwsClientsForTests();
  resetSearchIndexForTests();
  for (const def of tableDefinitions()) await dynamoClient().send(new CreateTableCommand(def));
  // GetRecords names no stream, so each iterator is traced back to the GetShardIterator (StreamArn) it came from.
  const streamOf = new Map<string, string>();
  const countReads: InitializeMiddleware<StreamsInput, StreamsOutput> = (next, context) => async (args) => {
    const result = await next(args);
    const input = args.input as { StreamArn?: string; ShardIterator?: string };
    const output = result.output as { ShardIterator?: string; NextShardIterator?: string };
    if (context.commandName === 'GetShardIteratorCommand' && output.ShardIterator) streamOf.set(output.ShardIterator, input.StreamArn!);
    if (context.commandName === 'GetRecordsCommand') {
      const arn = streamOf.get(input.ShardIterator!) ?? 'unknown';
      reads.set(arn, (reads.get(arn) ?? 0) + 1);
      if (output.NextShardIterator) streamOf.set(output.NextShardIterator, arn);
    }
    return result;
  };
  dynamoStreamsClient().middlewareStack.add(countReads, { step: 'initialize', name: 'count-get-records' });
});

afterAll(async () => {
  await stopOrdersStreamConsumer();
  await stopProductsStreamConsumer();
  for (const def of tableDefinitions())
    await dynamoClient()
      .send(new DeleteTableCommand({ TableName: def.TableName }))
      .catch(() => undefined);
  for (const restore of restoreConsole) restore();
  if (previousPrefix === undefined) delete process.env.TABLE_PREFIX;
  else process.env.TABLE_PREFIX = previousPrefix;
  if (previousLevel === undefined) delete process.env.LOG_LEVEL;
  else process.env.LOG_LEVEL = previousLevel;
  resetConfigForTests();
  resetAwsClientsForTests();
  resetSearchIndexForTests();
});

describe('a fresh stack', () => {
  it('takes its first product and first order through both stream consumers without logging a problem or skipping a record', async () => {
    await startProductsStreamConsumer()!.ready;
    startOrdersStreamConsumer();
    // Both readers are polling their empty shards (twice each, so the held iterator is one they were handed back).
    await eventually(async () => {
      expect(readsOf(tableName('products'))).toBeGreaterThanOrEqual(2);
      expect(readsOf(tableName('orders'))).toBeGreaterThanOrEqual(2);
    });

    const product = await putProduct({ name: 'Firstlight Lantern', variants: [{ id: 'v', price: 2_500, stock: 3 }] });
    const userId = uniqueId('first-buyer');
    await addCartItem({ kind: 'user', userId }, { productId: product.id, variantId: 'v', quantity: 3 });
    await placeOrder({ userId, idempotencyKey: crypto.randomUUID(), body: checkoutBody() });

    // The products stream brought the new product (its shard's first record) and then the stock decrement (sold out).
    await eventually(
      async () => {
        const hits = await searchProducts({ q: 'firstlight lantern', limit: 10 });
        expect(hits.items.map((i) => i.id)).toEqual([product.id]);
        expect((await searchProducts({ q: 'firstlight lantern', inStock: true, limit: 10 })).total).toBe(0);
      },
      20_000,
      100,
    );
    // The orders stream brought the order (its shard's first record) to the top-seller counts.
    await eventually(async () => expect(await dynamoCounts([product.id])).toEqual({ [product.id]: 3 }), 20_000, 100);

    const problems = lines.filter((l) => l.level === 'warn' || l.level === 'error');
    expect(problems).toEqual([]);
    // One full read at start, none for a lost position.
    const snapshots = lines.filter((l) => l.msg === 'search index built from a full read').map((l) => l.reason);
    expect(snapshots).toEqual(['start']);
  }, 60_000);
});
