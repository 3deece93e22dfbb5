// What a cold start costs to get its search index: the full Scan (and build) against a snapshot from S3 (pointer
// GET, snapshot GET, gunzip, JSON parse, MiniSearch load), at catalog scale, on a stack of its own (DynamoDB Local
// and fauxqs's S3, in memory). A measurement, not a test; bench/search-cold-start.ts runs it and reads its last line:
//   node --conditions=react-server --import tsx server/search/testing/measure-cold-start.ts [count ...]
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { startStack } from '../../../local/stack';
import { dynamoBulkClient, dynamoBulkDoc, resetAwsClientsForTests, s3Client } from '../../platform/aws/clients';
import { getConfig, resetConfigForTests } from '../../platform/config';
import { tableDefinitions, tableName } from '../../platform/db/tables';
import { ProductSearchIndex, type SearchIndexState } from '../product-search-index';
import { ensureSearchIndex, resetSearchIndexForTests } from '../search-index-store';
import { readSnapshotPointer, writeSnapshot } from '../snapshot-store';
import { FIXTURE_CATEGORIES, syntheticProducts } from './product-fixtures';

export type ColdStartRow = {
  products: number;
  /** Full Scan of products and categories, plus building the index: what every cold start paid before. */
  scanMs: number;
  /** The same cold start from the snapshot, end to end (ensureSearchIndex). */
  snapshotMs: number;
  pointerMs: number;
  getMs: number;
  gunzipMs: number;
  parseMs: number;
  loadMs: number;
  jsonBytes: number;
  gzipBytes: number;
};

const counts = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const gunzipAsync = promisify(gunzip);

function reset(env: Record<string, string>): void {
  Object.assign(process.env, env);
  resetConfigForTests();
  resetAwsClientsForTests();
  resetSearchIndexForTests();
}

async function seed(count: number): Promise<void> {
  for (const def of tableDefinitions().filter((d) => d.TableName === tableName('products') || d.TableName === tableName('categories'))) {
    await dynamoBulkClient().send(new CreateTableCommand(def));
  }
  await dynamoBulkDoc().send(
    new BatchWriteCommand({
      RequestItems: { [tableName('categories')]: FIXTURE_CATEGORIES.map((c) => ({ PutRequest: { Item: { ...c, description: '' } } })) },
    }),
  );
  const records = syntheticProducts(count);
  const batches: (typeof records)[] = [];
  for (let i = 0; i < records.length; i += 25) batches.push(records.slice(i, i + 25));
  // A few writers at once: DynamoDB Local takes one batch at a time per connection well enough.
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let batch = batches.shift(); batch; batch = batches.shift()) {
        let items: Record<string, unknown>[] = batch.map((Item) => ({ PutRequest: { Item } }));
        while (items.length > 0) {
          const out = await dynamoBulkDoc().send(new BatchWriteCommand({ RequestItems: { [tableName('products')]: items as never } }));
          items = (out.UnprocessedItems?.[tableName('products')] ?? []) as Record<string, unknown>[];
        }
      }
    }),
  );
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

const stack = await startStack({ dataDir: 'memory', ports: 'auto', quiet: true, redis: 'off' });
const rows: ColdStartRow[] = [];
try {
  for (const count of counts) {
    const prefix = `cold-${count}-${Date.now().toString(36)}-`;
    // A 1 MB Scan page from DynamoDB Local on a busy machine can take longer than a shopper's 3 s request timeout.
    reset({
      TABLE_PREFIX: prefix,
      STREAM_CONSUMERS: 'off',
      SEARCH_SNAPSHOT_BUCKET: '',
      LOG_LEVEL: 'warn',
      AWS_REQUEST_TIMEOUT_MS: '60000',
      AWS_RETRY_BUDGET_MS: '300000',
    });
    await seed(count);

    // Before: no snapshot configured, so the cold start scans.
    const [scanned, scanMs] = await timed(() => ensureSearchIndex());
    if (scanned.size !== count) throw new Error(`scan built ${scanned.size} of ${count}`);

    reset({ SEARCH_SNAPSHOT_BUCKET: stack.env.SEARCH_SNAPSHOT_BUCKET! });
    await writeSnapshot(scanned);

    // The pieces, one after the other, as ensureSearchIndex does them.
    const [pointer, pointerMs] = await timed(() => readSnapshotPointer());
    if (!pointer) throw new Error('no pointer after writing the snapshot');
    const [gz, getMs] = await timed(async () => {
      const out = await s3Client().send(new GetObjectCommand({ Bucket: getConfig().SEARCH_SNAPSHOT_BUCKET!, Key: pointer.key }));
      return out.Body!.transformToByteArray();
    });
    const [json, gunzipMs] = await timed(() => gunzipAsync(gz));
    const [parsed, parseMs] = await timed(async () => JSON.parse(json.toString('utf8')) as { state: SearchIndexState });
    const [, loadMs] = await timed(async () => ProductSearchIndex.fromState(parsed.state));

    // After: the cold start end to end, from a fresh store.
    resetSearchIndexForTests();
    const [loaded, snapshotMs] = await timed(() => ensureSearchIndex());
    if (loaded.size !== count) throw new Error(`snapshot loaded ${loaded.size} of ${count}`);

    rows.push({ products: count, scanMs, snapshotMs, pointerMs, getMs, gunzipMs, parseMs, loadMs, jsonBytes: json.length, gzipBytes: gz.length });
    console.error(
      `cold start at ${count}: scan ${scanMs.toFixed(0)} ms, snapshot ${snapshotMs.toFixed(0)} ms (${(gz.length / 1024 / 1024).toFixed(1)} MiB gzipped)`,
    );
  }
} finally {
  await stack.stop();
}
console.log(`RESULT ${JSON.stringify(rows)}`);
