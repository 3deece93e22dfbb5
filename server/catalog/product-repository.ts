import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { dynamoDoc } from '../platform/aws/clients';
import { batchGetAll, batchGetTables, isConditionalCheckFailure, queryAllPartitions, queryCount, queryMergedPage, scanPages } from '../platform/db';
import { listAllPartitions, PRODUCT_INDEXES, tableName } from '../platform/db/tables';
import { AppError } from '../platform/errors';
import { decodeCursor, encodeCursor } from '../platform/pagination';
import { lineShardKeys, lineShards, type Shard, type StockLine, unitsByVariant } from '../stock';
import type { Category, ProductRecord, ProductSort } from './contract';
import { withLedgerShards } from './stock-copy';

// DynamoDB reads of the catalog, uncached. cached-catalog.ts wraps these for pages and routes.

/**
 * Listings, counts and sitemaps leave unpublished products out with a filter rather than a sparse index: the item
 * keeps every attribute (orders, restocks and the admin page read it), and the page loops below already keep
 * reading until they have `limit + 1` items, so filtered-out items only cost a little read capacity.
 */
const PUBLISHED_FILTER = {
  FilterExpression: 'attribute_not_exists(#published) OR #published = :published',
  names: { '#published': 'published' },
  values: { ':published': true },
} as const;

type IndexPlan = { index: string; hashAttr: 'category' | 'listAll'; rangeAttr: string; rangeType: 'number' | 'string'; forward: boolean };

/** Per sort: the index pair (within a category, whole catalog), its range key and direction. */
const SORT_PLANS: Record<ProductSort, { indexes: readonly [string, string]; rangeAttr: string; rangeType: 'number' | 'string'; forward: boolean }> = {
  featured: { indexes: [PRODUCT_INDEXES.categoryFeatured, PRODUCT_INDEXES.allFeatured], rangeAttr: 'featuredRank', rangeType: 'number', forward: true },
  'price-asc': { indexes: [PRODUCT_INDEXES.categoryPrice, PRODUCT_INDEXES.allPrice], rangeAttr: 'minPrice', rangeType: 'number', forward: true },
  'price-desc': { indexes: [PRODUCT_INDEXES.categoryPrice, PRODUCT_INDEXES.allPrice], rangeAttr: 'minPrice', rangeType: 'number', forward: false },
  rating: { indexes: [PRODUCT_INDEXES.categoryRating, PRODUCT_INDEXES.allRating], rangeAttr: 'ratingSort', rangeType: 'number', forward: false },
  newest: { indexes: [PRODUCT_INDEXES.categoryNewest, PRODUCT_INDEXES.allNewest], rangeAttr: 'createdAt', rangeType: 'string', forward: false },
};

function planFor(sort: ProductSort, category: string | undefined): IndexPlan {
  const scoped = category !== undefined;
  const { indexes, rangeAttr, rangeType, forward } = SORT_PLANS[sort];
  return { index: scoped ? indexes[0] : indexes[1], hashAttr: scoped ? 'category' : 'listAll', rangeAttr, rangeType, forward };
}

/** The partitions a listing reads: its category, or every shard of the all* index (ADR 0033). */
function partitionsFor(category: string | undefined): string[] {
  return category === undefined ? listAllPartitions() : [category];
}

/**
 * A listing cursor: the listing (`h` category or 'ALL', `s` sort) and, per partition it reads, the id and range key
 * of the last product the pages so far took from it (null: none yet).
 */
const cursorSchema = z.object({
  h: z.string().min(1).max(200),
  s: z.string(),
  p: z.array(z.union([z.null(), z.tuple([z.string().min(1).max(200), z.union([z.string().min(1).max(200), z.number().finite()])])])).max(64),
});
export type ListingCursor = z.infer<typeof cursorSchema>;

/**
 * Decodes a listing cursor and checks it belongs to this listing (its listing, its number of partitions, a range key
 * of the index's type). Callers run it before any cached read: an error thrown inside a 'use cache' function reaches
 * the route as an opaque render error (a 500).
 */
export function validateListingCursor(params: { category?: string; sort: ProductSort; cursor: string }): ListingCursor {
  const c = decodeCursor(params.cursor, cursorSchema);
  const plan = planFor(params.sort, params.category);
  const fits = c.p.length === partitionsFor(params.category).length && c.p.every((at) => at === null || typeof at[1] === plan.rangeType);
  if (c.h !== (params.category ?? 'ALL') || c.s !== params.sort || !fits) {
    throw new AppError('INVALID_CURSOR', 'The cursor belongs to another listing. Start again from the first page.');
  }
  return c;
}

export type ProductPage = { records: ProductRecord[]; nextCursor: string | null };

type RangeValue = string | number;
const rangeOf = (r: ProductRecord, plan: IndexPlan) => (r as unknown as Record<string, RangeValue>)[plan.rangeAttr] as RangeValue;

/**
 * One page of a listing: a category's one partition, or the all* shards merged in sort order (ADR 0033). Reads one
 * item past the page so nextCursor is null exactly at the end (no empty last page).
 */
export async function queryProductPage(params: { category?: string; sort: ProductSort; limit: number; cursor?: string }): Promise<ProductPage> {
  const plan = planFor(params.sort, params.category);
  const partitions = partitionsFor(params.category);
  const c = params.cursor ? validateListingCursor({ ...params, cursor: params.cursor }) : undefined;
  const keyOf = (id: string, partition: string, r: RangeValue) => ({ id, [plan.hashAttr]: partition, [plan.rangeAttr]: r });
  const starts = c?.p.map((at, i) => (at ? keyOf(at[0], partitions[i]!, at[1]) : undefined));
  const direction = plan.forward ? 1 : -1;
  const page = await queryMergedPage<ProductRecord>({
    partitions,
    input: (partition) => ({
      TableName: tableName('products'),
      IndexName: plan.index,
      KeyConditionExpression: '#h = :h',
      FilterExpression: PUBLISHED_FILTER.FilterExpression,
      ExpressionAttributeNames: { '#h': plan.hashAttr, ...PUBLISHED_FILTER.names },
      ExpressionAttributeValues: { ':h': partition, ...PUBLISHED_FILTER.values },
      ScanIndexForward: plan.forward,
    }),
    starts,
    limit: params.limit,
    compare: (a, b) => {
      const x = rangeOf(a, plan);
      const y = rangeOf(b, plan);
      return x < y ? -direction : x > y ? direction : 0;
    },
    keyOf: (r, partition) => keyOf(r.id, partition, rangeOf(r, plan)),
  });
  const nextCursor = page.more
    ? encodeCursor({
        h: params.category ?? 'ALL',
        s: params.sort,
        p: page.starts.map((k) => (k ? [k.id as string, k[plan.rangeAttr] as RangeValue] : null)),
      } satisfies ListingCursor)
    : null;
  return { records: page.items, nextCursor };
}

export async function getProductRecordBySlug(slug: string): Promise<ProductRecord | null> {
  const out = await dynamoDoc().send(
    new QueryCommand({
      TableName: tableName('products'),
      IndexName: PRODUCT_INDEXES.bySlug,
      KeyConditionExpression: 'slug = :s',
      ExpressionAttributeValues: { ':s': slug },
      Limit: 1,
    }),
  );
  return (out.Items?.[0] as ProductRecord | undefined) ?? null;
}

/**
 * Strongly consistent batch read (cart pricing and checkout must see current prices and stock; stock from the
 * ledger for ledger products). Keys DynamoDB
 * leaves unanswered after every retry surface as UnprocessedKeysError, which the HTTP layer answers as 503.
 */
export async function getProductRecords(ids: string[], options: { stock: 'exact' | 'copy' } = { stock: 'exact' }): Promise<Map<string, ProductRecord>> {
  if (options.stock === 'exact') return (await getProductRecordsWithShards(ids)).records;
  // The products' own stock copies (ADR 0029: ~1–2 s behind a sale): for what only shows stock, never sells it.
  const items = await batchGetAll(
    tableName('products'),
    [...new Set(ids)].map((id) => ({ id })),
    { consistentRead: true },
  );
  return new Map((items as ProductRecord[]).map((r) => [r.id, r]));
}

/** getProductRecords with the ledger's totals (a Query per ledger product after the batch). */
async function getProductRecordsWithShards(ids: string[]): Promise<{ records: Map<string, ProductRecord>; shards: Map<string, Shard[]> }> {
  const items = await batchGetAll(
    tableName('products'),
    [...new Set(ids)].map((id) => ({ id })),
    { consistentRead: true },
  );
  // Stock from the ledger where it lives there (ADR 0029): what a cart may buy is the ledger's, not the copy's.
  const { records, shards } = await withLedgerShards(items as ProductRecord[]);
  return { records: new Map(records.map((r) => [r.id, r])), shards };
}

/**
 * Checkout's read (ADR 0035): the lines' products and their ledger shards in ONE strongly consistent BatchGetItem
 * call (the shards by key: shard 0 says how many a variant has), instead of the products and then a Query per ledger
 * product. The lines' variants carry the ledger's exact totals; the shards read are what the first send picks from.
 * A sharded SKU this process has not seen yet, or stock written before shard 0 carried its count, costs one more
 * read (lineShards).
 */
export async function getCheckoutRecords(lines: readonly StockLine[]): Promise<{ records: Map<string, ProductRecord>; shards: Map<string, Shard[]> }> {
  const ids = [...new Set(lines.map((l) => l.productId))];
  const found = await batchGetTables({
    [tableName('products')]: { keys: ids.map((id) => ({ id })), consistentRead: true },
    [tableName('stock')]: { keys: lineShardKeys(lines), consistentRead: true },
  });
  const products = (found[tableName('products')] ?? []) as ProductRecord[];
  const ledger = new Set(products.filter((r) => r.stockLedger === true).map((r) => r.id));
  const shards = await lineShards(
    lines.filter((l) => ledger.has(l.productId)),
    found[tableName('stock')] ?? [],
  );
  const records = products.map((r) => {
    const mine = shards.get(r.id);
    if (!mine) return r;
    const units = unitsByVariant(mine);
    // The lines' variants: the ledger's totals (none read: nothing to sell, as a missing key in the old map).
    const read = lines.filter((l) => l.productId === r.id).map((l) => l.variantId);
    return { ...r, stock: { ...r.stock, ...Object.fromEntries(read.map((v) => [v, units[v] ?? 0])) } };
  });
  return { records: new Map(records.map((r) => [r.id, r])), shards };
}

/** The image paths a product lists, its colourways' included, or null when there is no such product (one GetItem). */
export async function getProductImagePaths(id: string): Promise<string[] | null> {
  const out = await dynamoDoc().send(new GetCommand({ TableName: tableName('products'), Key: { id }, ProjectionExpression: 'id, images, imagesByColour' }));
  if (!out.Item) return null;
  const { images, imagesByColour } = out.Item as { images?: unknown; imagesByColour?: unknown };
  const lists = [images, ...(imagesByColour !== null && typeof imagesByColour === 'object' ? Object.values(imagesByColour) : [])];
  return lists.flatMap((list) => (Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : []));
}

/** `productCount`: published products in it, kept by recountCategories (absent on categories never recounted). */
type CategoryRecord = { slug: string; name: string; description?: string; productCount?: number; countedAt?: string };

export async function scanCategories(): Promise<CategoryRecord[]> {
  const out: CategoryRecord[] = [];
  for await (const page of scanPages({ TableName: tableName('categories') })) {
    out.push(...((page.Items ?? []) as CategoryRecord[]));
  }
  return out;
}

export async function countProductsInCategory(slug: string): Promise<number> {
  return queryCount({
    TableName: tableName('products'),
    IndexName: PRODUCT_INDEXES.categoryFeatured,
    KeyConditionExpression: 'category = :c',
    FilterExpression: PUBLISHED_FILTER.FilterExpression,
    ExpressionAttributeNames: PUBLISHED_FILTER.names,
    ExpressionAttributeValues: { ':c': slug, ...PUBLISHED_FILTER.values },
  });
}

/**
 * Categories with their product counts: the counter on each category item (kept by the products stream and the
 * import), so a category list costs the same at 1k or 1M products; a category never recounted is counted here once
 * per read (items written before the counters).
 */
export async function listCategoriesWithCounts(): Promise<Category[]> {
  const categories = await scanCategories();
  const counts = await Promise.all(categories.map((c) => (typeof c.productCount === 'number' ? c.productCount : countProductsInCategory(c.slug))));
  return categories
    .map((c, i) => ({ slug: c.slug, name: c.name, description: c.description ?? '', productCount: counts[i] ?? 0 }))
    .filter((c) => c.productCount > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Every published product's slug and creation time (sitemaps): a projected Query of each allNewest shard, all pages
 * (ADR 0026, 0033), never a Scan of the table.
 */
export async function listProductSlugs(): Promise<{ slug: string; createdAt: string }[]> {
  const out = await queryAllPartitions<{ slug: string; createdAt: string }>(listAllPartitions(), (partition) => ({
    TableName: tableName('products'),
    IndexName: PRODUCT_INDEXES.allNewest,
    KeyConditionExpression: 'listAll = :all',
    ProjectionExpression: 'slug, createdAt',
    FilterExpression: PUBLISHED_FILTER.FilterExpression,
    ExpressionAttributeNames: PUBLISHED_FILTER.names,
    ExpressionAttributeValues: { ':all': partition, ...PUBLISHED_FILTER.values },
  }));
  return out.sort((a, b) => a.slug.localeCompare(b.slug));
}

/**
 * Sets each category's `productCount` from a COUNT of its published products (a write-side cost, once per category a
 * batch of product changes touched, never per page view). Absolute and stamped: a count read earlier than the stored
 * one is dropped, so recounts racing from two consumers, or replayed, never leave an older number behind.
 */
export async function recountCategories(slugs: Iterable<string>): Promise<void> {
  for (const slug of new Set(slugs)) {
    const at = new Date().toISOString();
    const count = await countProductsInCategory(slug);
    try {
      await dynamoDoc().send(
        new UpdateCommand({
          TableName: tableName('categories'),
          Key: { slug },
          UpdateExpression: 'SET productCount = :n, countedAt = :at',
          ConditionExpression: 'attribute_exists(slug) AND (attribute_not_exists(countedAt) OR countedAt <= :at)',
          ExpressionAttributeValues: { ':n': count, ':at': at },
        }),
      );
    } catch (err) {
      if (!isConditionalCheckFailure(err)) throw err;
    }
  }
}
