import { BatchGetCommand, BatchWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoBulkDoc } from '../../platform/aws/clients';
import { BATCH_GET_LIMIT, type BatchGetSend } from '../../platform/db';
import { type BatchWriteRetryOptions, type BatchWriteSend, batchWriteWithRetry } from '../../platform/db/batch-write-with-retry';
import { tableName } from '../../platform/db/tables';
import { writeImportedStock } from '../../stock';
import type { ProductRecord } from '../contract';
import { recountCategories } from '../product-repository';
import type { CatalogRow } from './catalog-row-schema';
import { type ImageSource, importRowImages, rowsNeedImageSource } from './import-images';
import { keepReviewStats } from './keep-review-stats';
import { chunk, mapWithConcurrency } from './map-with-concurrency';
import { productChanged } from './product-changed';
import { jsonSourceRows } from './read-catalog-json';
import { readStoredProducts } from './read-stored-products';
import { type CategoryUpsert, toCategoryUpserts, toProductRecord } from './to-product-record';
import { CatalogValidationError, validateCatalogRows } from './validate-catalog-rows';
import { writeUpdatedProduct } from './write-updated-product';

// Writes a catalog into DynamoDB: validate everything first (one bad row and nothing is written), upsert the
// categories, read what is stored, then write only the products that differ: new ones with BatchWriteItem (version
// 1), existing ones one by one, conditional on the version read (write-updated-product.ts), so an import never
// silently overwrites a marketer's edit made meanwhile. Upsert only: products missing from the file are left alone. Cache tags are not touched here: the products stream consumer expires
// them for exactly the items that changed.

/** BatchWriteItem's hard limit per call. */
export const BATCH_WRITE_LIMIT = 25;

export type ImportPhase = 'categories' | 'compare' | 'write';
export type ImportProgress = { phase: ImportPhase; done: number; total: number };

export type ImportCatalogOptions = {
  onProgress?: (progress: ImportProgress) => void;
  /** Batches in flight at once (default 4). */
  concurrency?: number;
  /** Rewrite every product even when identical, e.g. to make the stream consumers see the whole catalog again. */
  force?: boolean;
  retry?: BatchWriteRetryOptions;
  /** Seams for tests: replace the BatchWriteItem / BatchGetItem calls (default: dynamoBulkDoc()). */
  sendBatchWrite?: BatchWriteSend;
  sendBatchGet?: BatchGetSend;
  /**
   * Where images named by URL or by file come from and go to (import-images.ts `catalogImageSource`). Without it
   * a row naming one is refused: only site paths can be written as they are.
   */
  images?: ImageSource;
};

export type ImportSummary = {
  products: number;
  created: number;
  updated: number;
  unchanged: number;
  categories: number;
  /** BatchWriteItem calls, retries of unprocessed items included. */
  writeCalls: number;
  durationMs: number;
};

const DEFAULT_CONCURRENCY = 4;

/** Validates and imports rows; throws CatalogValidationError (with every issue) before writing anything if a row is bad. */
export async function importCatalog(rows: readonly CatalogRow[], options: ImportCatalogOptions = {}): Promise<ImportSummary> {
  const started = performance.now();
  const validation = validateCatalogRows(jsonSourceRows(rows));
  if (!validation.ok) throw new CatalogValidationError(validation.issues);
  let validRows = validation.rows;
  if (rowsNeedImageSource(validRows)) {
    if (!options.images) {
      throw new CatalogValidationError([
        { row: 0, field: 'images', message: 'names images by URL or file; import it with npm run catalog:import, which brings them in' },
      ]);
    }
    // Pictures first: one that cannot be brought in stops the import before any product is written.
    const brought = await importRowImages(validRows, options.images);
    if (!brought.ok) throw new CatalogValidationError(brought.issues);
    validRows = brought.rows;
  }

  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const report = options.onProgress ?? (() => {});
  const products = validRows.map(toProductRecord);
  const categories = toCategoryUpserts(validRows);
  const table = tableName('products');
  const sendBatchWrite: BatchWriteSend = options.sendBatchWrite ?? ((input) => dynamoBulkDoc().send(new BatchWriteCommand(input)));
  const sendBatchGet: BatchGetSend = options.sendBatchGet ?? ((input) => dynamoBulkDoc().send(new BatchGetCommand(input)));

  let categoriesDone = 0;
  report({ phase: 'categories', done: 0, total: categories.length });
  await mapWithConcurrency(categories, concurrency, async (category) => {
    await upsertCategory(category);
    report({ phase: 'categories', done: ++categoriesDone, total: categories.length });
  });

  const stored = new Map<string, Record<string, unknown>>();
  let compared = 0;
  report({ phase: 'compare', done: 0, total: products.length });
  await mapWithConcurrency(chunk(products, BATCH_GET_LIMIT), concurrency, async (group) => {
    const found = await readStoredProducts(
      sendBatchGet,
      table,
      group.map((p) => p.id),
    );
    for (const [id, item] of found) stored.set(id, item);
    compared += group.length;
    report({ phase: 'compare', done: compared, total: products.length });
  });

  const merged = products.map((p) => keepReviewStats(p, stored.get(p.id)));
  const toWrite: ProductRecord[] = options.force ? merged : merged.filter((p) => productChanged(p, stored.get(p.id)));
  const toCreate = toWrite.filter((p) => !stored.has(p.id));
  const toUpdate = toWrite.filter((p) => stored.has(p.id));
  const created = toCreate.length;

  let written = 0;
  let writeCalls = 0;
  let updated = 0;
  report({ phase: 'write', done: 0, total: toWrite.length });
  await mapWithConcurrency(chunk(toCreate, BATCH_WRITE_LIMIT), concurrency, async (batch) => {
    const items = batch.map((item) => ({ PutRequest: { Item: { ...item, version: 1 } } }));
    const { attempts } = await batchWriteWithRetry(sendBatchWrite, { [table]: items }, options.retry);
    await writeImportedStock(batch, true);
    writeCalls += attempts;
    written += batch.length;
    report({ phase: 'write', done: written, total: toWrite.length });
  });
  await mapWithConcurrency(toUpdate, concurrency * 2, async (product) => {
    const outcome = await writeUpdatedProduct(table, product, stored.get(product.id) ?? {}, options.force);
    // The file's units are the truth, as when they lived on the product item; its copy there is the file's too.
    if (outcome === 'written') await writeImportedStock([{ ...product, published: stored.get(product.id)?.published !== false }], false);
    writeCalls++;
    if (outcome === 'written') updated++;
    written++;
    report({ phase: 'write', done: written, total: toWrite.length });
  });

  // The category counters, for the categories this file touched (the products stream keeps them after that; the
  // demo seed runs with that stream paused).
  await recountCategories(categories.map((c) => c.slug));

  return {
    products: products.length,
    created,
    updated,
    unchanged: products.length - created - updated,
    categories: categories.length,
    writeCalls,
    durationMs: Math.round(performance.now() - started),
  };
}

/**
 * UpdateItem rather than a put: a file without category descriptions must not wipe ones written earlier (by an
 * admin or another file), and a category gets a plain default description only the first time it is seen.
 */
async function upsertCategory(category: CategoryUpsert): Promise<void> {
  await dynamoBulkDoc().send(
    new UpdateCommand({
      TableName: tableName('categories'),
      Key: { slug: category.slug },
      UpdateExpression:
        category.description === undefined
          ? 'SET #name = :name, description = if_not_exists(description, :description)'
          : 'SET #name = :name, description = :description',
      ExpressionAttributeNames: { '#name': 'name' },
      ExpressionAttributeValues: { ':name': category.name, ':description': category.description ?? `Shop ${category.name.toLowerCase()}.` },
    }),
  );
}
