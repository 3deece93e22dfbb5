import {
  CreateTableCommand,
  DeleteTableCommand,
  type ServiceInputTypes as DynamoInput,
  type ServiceOutputTypes as DynamoOutput,
} from '@aws-sdk/client-dynamodb';
import type { ServiceInputTypes as StreamsInput, ServiceOutputTypes as StreamsOutput } from '@aws-sdk/client-dynamodb-streams';
import { BatchWriteCommand, DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { InitializeMiddleware } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dynamoClient, dynamoDoc, dynamoStreamsClient, resetAwsClientsForTests } from '../../platform/aws/clients';
import { tagsForProductChange } from '../../platform/cache/tags';
import { getConfig, resetConfigForTests } from '../../platform/config';
import { tableDefinitions, tableName } from '../../platform/db/tables';
import { ensureSearchIndex, searchProducts } from '../../search';
import { resetSearchIndexForTests } from '../../search/search-index-store';
import { FIXTURE_CATEGORIES, type ProductSeed, productRecord } from '../../search/testing/product-fixtures';
import { startProductsStreamConsumer, stopProductsStreamConsumer } from '.';

// The products stream consumer against DynamoDB Local (tests/integration-setup.ts): the index is built from
// every page of the table, follows UpdateItem/DeleteItem within seconds, expires the right cache tags, loses no
// change made while the first Scan runs, and keeps going through stream errors.

const expireTags = vi.fn<(tags: string[]) => Promise<void>>(async () => {});
vi.mock('../../platform/cache', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../platform/cache')>()),
  expireTags: (tags: string[]) => expireTags(tags),
}));

// Own tables under a unique prefix: a fresh stream, and no interference with other suites' products.
const previousPrefix = process.env.TABLE_PREFIX;
const prefix = `search-int-${Date.now().toString(36)}-`;

// Big descriptions push the table past several 1 MB Scan pages, so the build must follow LastEvaluatedKey.
const PRODUCT_COUNT = 400;
const padding = 'Sturdy everyday kit made to last. '.repeat(350);
const seeds: ProductSeed[] = Array.from({ length: PRODUCT_COUNT }, (_, i) => ({
  id: `item-${String(i).padStart(4, '0')}`,
  name: `Catalogue Item ${i}`,
  category: FIXTURE_CATEGORIES[i % FIXTURE_CATEGORIES.length]!.slug,
  description: padding,
  variants: [{ options: { colour: 'Grey' }, price: 1_000 + i, stock: 3 }],
}));
seeds.push({
  id: 'racing-headphones',
  name: 'Racing Headphones',
  category: 'audio',
  variants: [{ options: { colour: 'Black' }, price: 9_900, stock: 2 }],
});
const RACE_ID = 'item-0007';
/** Scan requests against the products table: more than the 4 parallel segments means pages were followed. */
let productScanPages = 0;

type ConsoleWarn = typeof console.warn;
const warnings: string[] = [];
let originalWarn: ConsoleWarn;

/** Throws the given errors, one per call, from the next calls of one command on the shared client. */
function injectFailures(commandName: string, names: string[]): void {
  const queue = [...names];
  const failFirstCalls: InitializeMiddleware<StreamsInput, StreamsOutput> = (next, context) => async (args) => {
    const name = context.commandName === commandName ? queue.shift() : undefined;
    if (name) throw Object.assign(new Error(`injected ${name}`), { name });
    return next(args);
  };
  dynamoStreamsClient().middlewareStack.add(failFirstCalls, { step: 'initialize', name: `inject-${commandName}-${Math.random()}` });
}

async function search(q: string) {
  return searchProducts({ q, limit: 100 });
}

beforeAll(async () => {
  originalWarn = console.warn;
  console.warn = (...args: Parameters<ConsoleWarn>) => {
    warnings.push(args.map(String).join(' '));
  };
  process.env.TABLE_PREFIX = prefix;
  process.env.STREAM_CONSUMERS = 'inprocess';
  resetConfigForTests();
  resetAwsClientsForTests();
  resetSearchIndexForTests();
  for (const def of tableDefinitions().filter((d) => d.TableName === tableName('products') || d.TableName === tableName('categories'))) {
    await dynamoClient().send(new CreateTableCommand(def));
  }
  await dynamoDoc().send(
    new BatchWriteCommand({
      RequestItems: { [tableName('categories')]: FIXTURE_CATEGORIES.map((c) => ({ PutRequest: { Item: { ...c, description: '' } } })) },
    }),
  );
  const records = seeds.map(productRecord);
  for (let i = 0; i < records.length; i += 25) {
    const out = await dynamoDoc().send(
      new BatchWriteCommand({ RequestItems: { [tableName('products')]: records.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }),
    );
    expect(out.UnprocessedItems?.[tableName('products')] ?? []).toEqual([]);
  }

  // The race the startup order exists for: a product changes after the first Scan read its page and before
  // the index is swapped in. Only the stream (positioned before the Scan) can bring that change.
  let armed = true;
  const changeDuringFirstScan: InitializeMiddleware<DynamoInput, DynamoOutput> = (next, context) => async (args) => {
    const result = await next(args);
    const table = 'TableName' in args.input ? args.input.TableName : undefined;
    if (context.commandName === 'ScanCommand' && table === tableName('products')) productScanPages++;
    if (!armed || context.commandName !== 'ScanCommand' || table !== tableName('products')) return result;
    // The document client has already unmarshalled the items at this step.
    const items = ('Items' in result.output ? result.output.Items : undefined) as { id?: unknown }[] | undefined;
    if (items?.some((item) => item.id === RACE_ID)) {
      armed = false;
      await dynamoDoc().send(
        new UpdateCommand({
          TableName: tableName('products'),
          Key: { id: RACE_ID },
          UpdateExpression: 'SET #n = :n',
          ExpressionAttributeNames: { '#n': 'name' },
          ExpressionAttributeValues: { ':n': 'Midscan Marvel' },
        }),
      );
    }
    return result;
  };
  dynamoClient().middlewareStack.add(changeDuringFirstScan, { step: 'initialize', name: 'change-during-first-scan' });

  const consumer = startProductsStreamConsumer();
  expect(consumer).not.toBeNull();
  expect(startProductsStreamConsumer()).toBe(consumer);
  await consumer!.ready;
  expect(armed).toBe(false);
});

afterAll(async () => {
  await stopProductsStreamConsumer();
  for (const key of ['products', 'categories'] as const) {
    await dynamoClient()
      .send(new DeleteTableCommand({ TableName: tableName(key) }))
      .catch(() => undefined);
  }
  if (previousPrefix === undefined) delete process.env.TABLE_PREFIX;
  else process.env.TABLE_PREFIX = previousPrefix;
  resetConfigForTests();
  resetAwsClientsForTests();
  resetSearchIndexForTests();
  console.warn = originalWarn;
});

describe('products stream consumer', () => {
  it('runs only when configured in-process', () => {
    expect(getConfig().STREAM_CONSUMERS).toBe('inprocess');
  });

  it('builds the index from every page of the table', async () => {
    expect((await ensureSearchIndex()).size).toBe(PRODUCT_COUNT + 1);
    expect(productScanPages).toBeGreaterThan(4);
    const browse = await searchProducts({ q: '', category: 'audio', limit: 100 });
    expect(browse.total).toBe(seeds.filter((s) => s.category === 'audio').length);
    expect(browse.facets.category.find((c) => c.slug === 'audio')?.name).toBe('Audio');
  });

  it('does not lose a change made while the first Scan ran', async () => {
    await vi.waitFor(async () => expect((await search('midscan marvel')).items.map((i) => i.id)).toEqual([RACE_ID]), {
      timeout: 10_000,
      interval: 100,
    });
  });

  it('follows an UpdateItem of name, price and stock within seconds, and expires the product tags', async () => {
    const id = 'racing-headphones';
    const record = productRecord(seeds.at(-1)!);
    const variantId = record.variants[0]!.id;
    expireTags.mockClear();
    await dynamoDoc().send(
      new UpdateCommand({
        TableName: tableName('products'),
        Key: { id },
        UpdateExpression: 'SET #n = :n, minPrice = :p, variants[0].price = :p, stock.#v = :zero',
        ExpressionAttributeNames: { '#n': 'name', '#v': variantId },
        ExpressionAttributeValues: { ':n': 'Velvet Studio Monitors', ':p': 12_345, ':zero': 0 },
      }),
    );
    await vi.waitFor(
      async () => {
        const hit = (await search('velvet monitors')).items[0];
        expect(hit).toMatchObject({ id, name: 'Velvet Studio Monitors', price: { amount: 12_345, currency: 'USD' } });
      },
      { timeout: 10_000, interval: 100 },
    );
    expect((await search('racing headphones')).items.map((i) => i.id)).not.toContain(id);
    expect((await searchProducts({ q: 'velvet', inStock: true })).total).toBe(0);
    await vi.waitFor(() => expect(expireTags).toHaveBeenCalledWith(tagsForProductChange(id, ['audio'])), { timeout: 5_000 });
  });

  it('expires both categories when a product moves between them', async () => {
    expireTags.mockClear();
    await dynamoDoc().send(
      new UpdateCommand({
        TableName: tableName('products'),
        Key: { id: 'racing-headphones' },
        UpdateExpression: 'SET category = :c',
        ExpressionAttributeValues: { ':c': 'outdoor' },
      }),
    );
    await vi.waitFor(() => expect(expireTags).toHaveBeenCalledWith(tagsForProductChange('racing-headphones', ['audio', 'outdoor'])), {
      timeout: 10_000,
      interval: 100,
    });
    expect((await searchProducts({ q: 'velvet', category: 'outdoor' })).total).toBe(1);
  });

  it('removes a deleted product', async () => {
    await dynamoDoc().send(new DeleteCommand({ TableName: tableName('products'), Key: { id: 'item-0001' } }));
    await vi.waitFor(async () => expect((await search('catalogue item 1')).items.map((i) => i.id)).not.toContain('item-0001'), {
      timeout: 10_000,
      interval: 100,
    });
    expect((await ensureSearchIndex()).size).toBe(PRODUCT_COUNT);
  });

  it('survives shard iterator and service errors: renews expired iterators quietly, logs a service error once', async () => {
    warnings.length = 0;
    injectFailures('GetRecordsCommand', ['ExpiredIteratorException', 'ExpiredIteratorException', 'InternalServerError', 'InternalServerError']);
    await dynamoDoc().send(
      new UpdateCommand({
        TableName: tableName('products'),
        Key: { id: 'item-0002' },
        UpdateExpression: 'SET #n = :n',
        ExpressionAttributeNames: { '#n': 'name' },
        ExpressionAttributeValues: { ':n': 'Resilient Rucksack' },
      }),
    );
    await vi.waitFor(async () => expect((await search('resilient rucksack')).items.map((i) => i.id)).toEqual(['item-0002']), {
      timeout: 20_000,
      interval: 200,
    });
    const kinds = warnings.map((w) => (JSON.parse(w) as { kind: string }).kind);
    // An expired iterator is routine (resumed after the last delivered record, nothing lost): no warning.
    expect(kinds.filter((k) => k === 'ExpiredIteratorException')).toHaveLength(0);
    expect(kinds.filter((k) => k === 'InternalServerError')).toHaveLength(1);
  });

  it('rebuilds from a full read when the stream position is lost', async () => {
    expireTags.mockClear();
    injectFailures('GetRecordsCommand', ['TrimmedDataAccessException']);
    await vi.waitFor(() => expect(expireTags).toHaveBeenCalledWith(['catalog']), { timeout: 20_000, interval: 100 });
    // And it still follows the stream afterwards.
    await dynamoDoc().send(
      new UpdateCommand({
        TableName: tableName('products'),
        Key: { id: 'item-0003' },
        UpdateExpression: 'SET #n = :n',
        ExpressionAttributeNames: { '#n': 'name' },
        ExpressionAttributeValues: { ':n': 'Phoenix Flask' },
      }),
    );
    await vi.waitFor(async () => expect((await search('phoenix flask')).items.map((i) => i.id)).toEqual(['item-0003']), {
      timeout: 20_000,
      interval: 200,
    });
  });
});
