import { BatchWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDemoCatalog } from '../../../local/catalog/demo-catalog';
import { dynamoBulkDoc } from '../../platform/aws/clients';
import type { RequestItems } from '../../platform/db/batch-write-with-retry';
import { listAllKey, tableName } from '../../platform/db/tables';
import type { CatalogRow } from './catalog-row-schema';
import { getStoredProduct, scanAll, useFreshCatalogTables } from './catalog-test-tables';
import { type ImportProgress, importCatalog } from './import-catalog';
import { productIdFromSlug } from './product-id';
import { CatalogValidationError } from './validate-catalog-rows';

// importCatalog against DynamoDB Local (the integration stack), each test on its own empty tables.

let tables: { drop: () => Promise<void> };
beforeEach(async () => {
  tables = await useFreshCatalogTables();
});
afterEach(async () => {
  await tables.drop();
});

describe('importCatalog', () => {
  it('writes all 1,200 demo products and their 12 categories', async () => {
    const rows = generateDemoCatalog();
    const progress: ImportProgress[] = [];
    const started = performance.now();
    const summary = await importCatalog(rows, { onProgress: (p) => progress.push(p) });
    const seconds = (performance.now() - started) / 1000;
    console.log(`imported ${rows.length} products into DynamoDB Local in ${seconds.toFixed(2)} s (${summary.writeCalls} BatchWriteItem calls)`);

    expect(summary).toMatchObject({ products: 1200, created: 1200, updated: 0, unchanged: 0, categories: 12 });
    const stored = await scanAll('products');
    expect(stored).toHaveLength(1200);
    const categories = await scanAll('categories');
    expect(categories.map((c) => c.slug).sort()).toEqual([...new Set(rows.map((r) => r.category))].sort());
    expect(categories.find((c) => c.slug === 'coffee')).toMatchObject({ name: 'Coffee', description: expect.stringContaining('roasted') });
    expect(progress.at(-1)).toEqual({ phase: 'write', done: 1200, total: 1200 });

    const first = rows[0]!;
    const product = await getStoredProduct(productIdFromSlug(first.slug));
    expect(product).toMatchObject({
      slug: first.slug,
      listAll: listAllKey(productIdFromSlug(first.slug)),
      currency: 'USD',
      minPrice: Math.min(...first.variants.map((v) => v.price)),
    });
    expect(product?.stock).toEqual(Object.fromEntries(first.variants.map((v) => [v.id, v.stock])));
  });

  it('writes nothing when one row is bad, and says which', async () => {
    const rows: CatalogRow[] = generateDemoCatalog({ count: 60 });
    const bad = { ...rows[41]!, variants: [{ ...rows[41]!.variants[0]!, price: -5 }] };
    const attempt = importCatalog([...rows.slice(0, 41), bad, ...rows.slice(42)]);
    await expect(attempt).rejects.toBeInstanceOf(CatalogValidationError);
    await expect(attempt).rejects.toMatchObject({ issues: [{ row: 42, field: 'variants[0].price' }] });
    expect(await scanAll('products')).toHaveLength(0);
    expect(await scanAll('categories')).toHaveLength(0);
  });

  it('overwrites a changed price on re-import and skips the products that did not change', async () => {
    const rows = generateDemoCatalog({ count: 40 });
    await importCatalog(rows);
    const target = rows[7]!;
    const cheaper = target.variants.map((v) => ({ ...v, price: 999 }));
    const again = rows.map((r) => (r === target ? { ...r, variants: cheaper } : r));

    const summary = await importCatalog(again);

    expect(summary).toMatchObject({ products: 40, created: 0, updated: 1, unchanged: 39 });
    const stored = await getStoredProduct(productIdFromSlug(target.slug));
    expect(stored?.variants.map((v) => v.price)).toEqual(cheaper.map(() => 999));
    expect(stored?.minPrice).toBe(999);
  });

  it('versions what it writes and never erases a marketer edit made meanwhile', async () => {
    const rows = generateDemoCatalog({ count: 10 });
    await importCatalog(rows);
    const target = rows[3]!;
    const id = productIdFromSlug(target.slug);
    expect((await getStoredProduct(id))?.version).toBe(1);

    // A marketer unpublishes it (an edit bumps the version: 1 → 2)…
    await dynamoBulkDoc().send(
      new UpdateCommand({
        TableName: tableName('products'),
        Key: { id },
        UpdateExpression: 'SET published = :f, version = :v',
        ExpressionAttributeValues: { ':f': false, ':v': 2 },
      }),
    );
    // …then a file with a new price for it arrives: the import rewrites on top of version 2 and keeps it unpublished.
    const cheaper = rows.map((r) => (r === target ? { ...r, variants: r.variants.map((v) => ({ ...v, price: 777 })) } : r));
    const summary = await importCatalog(cheaper);
    expect(summary).toMatchObject({ created: 0, updated: 1, unchanged: 9 });
    const stored = await getStoredProduct(id);
    expect(stored).toMatchObject({ version: 3, published: false, minPrice: 777 });

    // Unchanged products keep their version: a re-import of the same file makes no edit form stale.
    await importCatalog(cheaper);
    expect((await getStoredProduct(id))?.version).toBe(3);
    expect((await getStoredProduct(productIdFromSlug(rows[0]!.slug)))?.version).toBe(1);
  });

  it('keeps resending the items DynamoDB leaves unprocessed until every product is written', async () => {
    const rows = generateDemoCatalog({ count: 100 });
    let calls = 0;
    // Stands in for a throttled table: the first time it sees a batch, only half of it reaches DynamoDB and the
    // other half comes back as UnprocessedItems, as BatchWriteItem does under load. Through the importer's own
    // (bulk) client, whose request timeout allows a slow BatchWriteItem on a loaded machine.
    const seen = new Set<string>();
    const flakySend = async (input: { RequestItems?: RequestItems }) => {
      calls++;
      const [table, requests = []] = Object.entries(input.RequestItems ?? {})[0] ?? [];
      const key = String(requests[0]?.PutRequest?.Item?.id);
      if (!table || seen.has(key)) return dynamoBulkDoc().send(new BatchWriteCommand({ RequestItems: input.RequestItems }));
      seen.add(key);
      const half = Math.ceil(requests.length / 2);
      await dynamoBulkDoc().send(new BatchWriteCommand({ RequestItems: { [table]: requests.slice(0, half) } }));
      const rest = requests.slice(half);
      seen.add(String(rest[0]?.PutRequest?.Item?.id));
      return { UnprocessedItems: { [table]: rest } };
    };

    const summary = await importCatalog(rows, { sendBatchWrite: flakySend, retry: { baseDelayMs: 5 } });

    expect(summary.created).toBe(100);
    expect(calls).toBe(8); // 4 batches of 25, each needing a second call
    expect(summary.writeCalls).toBe(8);
    expect(await scanAll('products')).toHaveLength(100);
  });
});
