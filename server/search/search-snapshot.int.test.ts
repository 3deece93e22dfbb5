import {
  CreateTableCommand,
  DeleteTableCommand,
  type ServiceInputTypes as DynamoInput,
  type ServiceOutputTypes as DynamoOutput,
} from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { BatchWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { InitializeMiddleware } from '@smithy/types';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { dynamoClient, dynamoDoc, resetAwsClientsForTests, s3Client } from '../platform/aws/clients';
import { resetConfigForTests } from '../platform/config';
import { tableDefinitions, tableName } from '../platform/db/tables';
import { handleProductsStreamEvent, startProductsStreamConsumer, stopProductsStreamConsumer } from '../streams/products-stream';
import { searchProducts } from './index';
import { resetSearchIndexForTests, searchSnapshotSettled } from './search-index-store';
import { SEARCH_SNAPSHOT_SCHEMA } from './search-snapshot';
import { loadSnapshot, pointerKey, readSnapshotPointer, writeSnapshot } from './snapshot-store';
import { FIXTURE_CATEGORIES, type ProductSeed, productRecord } from './testing/product-fixtures';

// Search index snapshots against the stack's real local S3 (fauxqs) and DynamoDB Local: the stream consumer writes
// them; a cold instance answers from one with the Scan forbidden and follows later snapshots; without one, or with a
// corrupt one, it scans and says why.

const expireTags = vi.fn<(tags: string[]) => Promise<void>>(async () => {});
vi.mock('../platform/cache', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../platform/cache')>()),
  expireTags: (tags: string[]) => expireTags(tags),
}));

const stackEnv = inject('localStackEnv');
const saved = { ...process.env };
const prefix = `snap-int-${Date.now().toString(36)}-`;

const seeds: ProductSeed[] = Array.from({ length: 40 }, (_, i) => ({
  id: `item-${String(i).padStart(3, '0')}`,
  name: `Catalogue Item ${i}`,
  category: FIXTURE_CATEGORIES[i % FIXTURE_CATEGORIES.length]!.slug,
  variants: [{ options: { colour: 'Grey' }, price: 1_000 + i, stock: 3 }],
}));
seeds.push({ id: 'racing-headphones', name: 'Racing Headphones', category: 'audio', variants: [{ options: { colour: 'Black' }, price: 9_900 }] });
const PRODUCTS = seeds.length;

/** Scans of this suite's products table; while `scanForbidden`, a Scan throws instead. */
let productScans = 0;
let scanForbidden = false;
const infoLines: string[] = [];
const warnLines: string[] = [];

function useSnapshots(streamConsumers: 'inprocess' | 'off'): void {
  process.env.STREAM_CONSUMERS = streamConsumers;
  resetConfigForTests();
}

async function names(q: string): Promise<string[]> {
  return (await searchProducts({ q, limit: 100 })).items.map((i) => i.name);
}

async function setName(id: string, name: string): Promise<void> {
  await dynamoDoc().send(
    new UpdateCommand({
      TableName: tableName('products'),
      Key: { id },
      UpdateExpression: 'SET #n = :n',
      ExpressionAttributeNames: { '#n': 'name' },
      ExpressionAttributeValues: { ':n': name },
    }),
  );
}

beforeAll(async () => {
  Object.assign(process.env, {
    TABLE_PREFIX: prefix,
    SEARCH_SNAPSHOT_BUCKET: stackEnv.SEARCH_SNAPSHOT_BUCKET,
    SEARCH_SNAPSHOT_INTERVAL_MS: '50',
    SEARCH_SNAPSHOT_POLL_MS: '100',
    LOG_LEVEL: 'info',
  });
  useSnapshots('off');
  resetAwsClientsForTests();
  resetSearchIndexForTests();
  vi.spyOn(console, 'info').mockImplementation((line: unknown) => void infoLines.push(String(line)));
  vi.spyOn(console, 'warn').mockImplementation((line: unknown) => void warnLines.push(String(line)));
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
    await dynamoDoc().send(
      new BatchWriteCommand({ RequestItems: { [tableName('products')]: records.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }),
    );
  }
  const countOrForbidScans: InitializeMiddleware<DynamoInput, DynamoOutput> = (next, context) => async (args) => {
    const table = 'TableName' in args.input ? args.input.TableName : undefined;
    if (context.commandName === 'ScanCommand' && table === tableName('products')) {
      if (scanForbidden) throw new Error('test: the products table must not be scanned here');
      productScans++;
    }
    return next(args);
  };
  dynamoClient().middlewareStack.add(countOrForbidScans, { step: 'initialize', name: 'count-or-forbid-scans' });
});

beforeEach(() => {
  infoLines.length = 0;
  warnLines.length = 0;
});

afterAll(async () => {
  await stopProductsStreamConsumer();
  resetSearchIndexForTests();
  for (const key of ['products', 'categories'] as const) {
    await dynamoClient()
      .send(new DeleteTableCommand({ TableName: tableName(key) }))
      .catch(() => undefined);
  }
  vi.restoreAllMocks();
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
  resetConfigForTests();
  resetAwsClientsForTests();
});

describe('search index snapshots in S3', () => {
  it('the local stack provisions the snapshot bucket on fauxqs', async () => {
    expect(stackEnv.S3_ENDPOINT).toBe(stackEnv.SQS_ENDPOINT);
    await expect(s3Client().send(new HeadBucketCommand({ Bucket: stackEnv.SEARCH_SNAPSHOT_BUCKET }))).resolves.toBeDefined();
  });

  it('without a snapshot, a cold instance scans and says why', async () => {
    expect(await readSnapshotPointer()).toBeNull();
    const before = productScans;
    expect(await names('racing headphones')).toEqual(['Racing Headphones']);
    expect(productScans).toBeGreaterThan(before);
    expect(infoLines.some((l) => l.includes('"reason":"no-snapshot"'))).toBe(true);
  });

  it('the stream consumer writes a snapshot after its full read, and a newer one after a change', async () => {
    resetSearchIndexForTests();
    useSnapshots('inprocess');
    const consumer = startProductsStreamConsumer();
    await consumer!.ready;
    const first = await vi.waitFor(
      async () => {
        const pointer = await readSnapshotPointer();
        expect(pointer?.products).toBe(PRODUCTS);
        return pointer!;
      },
      { timeout: 30_000, interval: 100 },
    );
    expect(first.key).toBe(`search/${prefix.slice(0, -1)}/snapshots/${first.version}.json.gz`);
    expect(pointerKey()).toBe(`search/${prefix.slice(0, -1)}/latest.json`);

    await setName('item-003', 'Velvet Studio Monitors');
    const second = await vi.waitFor(
      async () => {
        const pointer = await readSnapshotPointer();
        expect(pointer?.version).not.toBe(first.version);
        const index = await loadSnapshot(pointer!);
        expect(index.get('item-003')?.summary.name).toBe('Velvet Studio Monitors');
        return pointer!;
      },
      { timeout: 30_000, interval: 200 },
    );
    expect(second.version > first.version).toBe(true);
    // The first snapshot's key is immutable: it still holds the old name.
    expect((await loadSnapshot(first)).get('item-003')?.summary.name).toBe('Catalogue Item 3');
    await stopProductsStreamConsumer();
  }, 90_000);

  it('a cold instance answers from the snapshot with the Scan forbidden, then follows a later snapshot', async () => {
    useSnapshots('off');
    resetSearchIndexForTests();
    scanForbidden = true;
    try {
      expect(await names('velvet monitors')).toEqual(['Velvet Studio Monitors']);
      const browse = await searchProducts({ q: '', category: 'audio', limit: 100 });
      expect(browse.total).toBe(seeds.filter((s) => s.category === 'audio').length);
      expect(browse.facets.category.find((c) => c.slug === 'audio')?.name).toBe('Audio');
      expect(infoLines.some((l) => l.includes('search index loaded from a snapshot'))).toBe(true);

      // Another writer (the stream function) publishes a later change; this instance picks it up from the pointer.
      await setName('item-004', 'Copper Kettle');
      const writerIndex = await loadSnapshot((await readSnapshotPointer())!);
      writerIndex.upsert(productRecord({ ...seeds[4]!, name: 'Copper Kettle' }));
      await writeSnapshot(writerIndex);
      await vi.waitFor(async () => expect(await names('copper kettle')).toEqual(['Copper Kettle']), { timeout: 30_000, interval: 150 });
    } finally {
      scanForbidden = false;
    }
  }, 60_000);

  it('on AWS the stream function loads the snapshot, applies its batch and returns once a snapshot holds it', async () => {
    useSnapshots('off');
    resetSearchIndexForTests();
    const before = await readSnapshotPointer();
    const old = productRecord(seeds[5]!);
    const renamed = { ...old, name: 'Granite Mortar' };
    scanForbidden = true;
    try {
      await handleProductsStreamEvent({
        Records: [
          { eventName: 'MODIFY', dynamodb: { Keys: marshall({ id: old.id }), OldImage: marshall(old), NewImage: marshall(renamed), SequenceNumber: '1' } },
        ],
      });
      // The function no longer waits for the snapshot (issue 25): it follows on the debounced writer's time.
      await searchSnapshotSettled();
    } finally {
      scanForbidden = false;
    }
    const after = await readSnapshotPointer();
    expect(after!.version).not.toBe(before!.version);
    const index = await loadSnapshot(after!);
    expect(index.get(old.id)?.summary.name).toBe('Granite Mortar');
    // Earlier changes from other writers are kept.
    expect(index.get('item-004')?.summary.name).toBe('Copper Kettle');
    expect(index.size).toBe(PRODUCTS);
  });

  it("a second stream function instance (another shard) does not undo the first one's snapshot", async () => {
    // This process's store is the instance of the test before; another instance writes a change meanwhile.
    const other = await loadSnapshot((await readSnapshotPointer())!);
    other.upsert(productRecord({ ...seeds[6]!, name: 'Iron Skillet' }));
    await writeSnapshot(other);
    const old = productRecord(seeds[7]!);
    scanForbidden = true;
    try {
      await handleProductsStreamEvent({
        Records: [
          { eventName: 'MODIFY', dynamodb: { Keys: marshall({ id: old.id }), OldImage: marshall(old), NewImage: marshall({ ...old, name: 'Oak Stool' }) } },
        ],
      });
      // The function no longer waits for the snapshot (issue 25): it follows on the debounced writer's time.
      await searchSnapshotSettled();
    } finally {
      scanForbidden = false;
    }
    const index = await loadSnapshot((await readSnapshotPointer())!);
    expect(index.get(old.id)?.summary.name).toBe('Oak Stool');
    expect(index.get('item-006')?.summary.name).toBe('Iron Skillet');
    expect(index.get('item-005')?.summary.name).toBe('Granite Mortar');
  });

  it.each(['corrupt', 'wrong-schema'] as const)('a %s snapshot makes a cold instance scan, saying why', async (reason) => {
    const current = (await readSnapshotPointer())!;
    const Bucket = stackEnv.SEARCH_SNAPSHOT_BUCKET!;
    if (reason === 'corrupt') {
      const key = current.key.replace(/\.json\.gz$/, '-broken.json.gz');
      await s3Client().send(new PutObjectCommand({ Bucket, Key: key, Body: 'not gzip at all' }));
      await s3Client().send(new PutObjectCommand({ Bucket, Key: pointerKey(), Body: JSON.stringify({ ...current, key }) }));
    } else {
      await s3Client().send(new PutObjectCommand({ Bucket, Key: pointerKey(), Body: JSON.stringify({ ...current, schema: SEARCH_SNAPSHOT_SCHEMA + 1 }) }));
    }
    resetSearchIndexForTests();
    const before = productScans;
    // The table has every change so far; the Scan finds it.
    expect(await names('copper kettle')).toEqual(['Copper Kettle']);
    expect(productScans).toBeGreaterThan(before);
    expect(warnLines.some((l) => l.includes('snapshot not usable') && l.includes(`"reason":"${reason}"`))).toBe(true);
  });
});
