import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { dynamoDoc } from '../platform/aws/clients';
import { batchGetAll, isConditionalCheckFailure, queryCount, queryPages, queryUpTo, scanPages } from '../platform/db';
import { PRODUCT_INDEXES, tableName } from '../platform/db/tables';
import { AppError } from '../platform/errors';
import { decodeCursor, encodeCursor } from '../platform/pagination';
import type { Shard } from '../stock';
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

type IndexPlan = { index: string; hashAttr: 'category' | 'listAll'; rangeAttr: string; forward: boolean };

function planFor(sort: ProductSort, category: string | undefined): IndexPlan {
  const scoped = category !== undefined;
  const hashAttr = scoped ? 'category' : 'listAll';
  switch (sort) {
    case 'featured':
      return { index: scoped ? PRODUCT_INDEXES.categoryFeatured : PRODUCT_INDEXES.allFeatured, hashAttr, rangeAttr: 'featuredRank', forward: true };
    case 'price-asc':
      return { index: scoped ? PRODUCT_INDEXES.categoryPrice : PRODUCT_INDEXES.allPrice, hashAttr, rangeAttr: 'minPrice', forward: true };
    case 'price-desc':
      return { index: scoped ? PRODUCT_INDEXES.categoryPrice : PRODUCT_INDEXES.allPrice, hashAttr, rangeAttr: 'minPrice', forward: false };
    case 'rating':
      return { index: scoped ? PRODUCT_INDEXES.categoryRating : PRODUCT_INDEXES.allRating, hashAttr, rangeAttr: 'ratingSort', forward: false };
    case 'newest':
      return { index: scoped ? PRODUCT_INDEXES.categoryNewest : PRODUCT_INDEXES.allNewest, hashAttr, rangeAttr: 'createdAt', forward: false };
  }
}

const cursorSchema = z.object({
  id: z.string().min(1).max(200),
  h: z.string().min(1).max(200),
  r: z.union([z.string().max(200), z.number().finite()]),
  s: z.string(),
});

/**
 * Decodes a listing cursor and checks it belongs to this listing. Callers run it before any cached read:
 * an error thrown inside a 'use cache' function reaches the route as an opaque render error (a 500).
 */
export function validateListingCursor(params: { category?: string; sort: ProductSort; cursor: string }): z.infer<typeof cursorSchema> {
  const c = decodeCursor(params.cursor, cursorSchema);
  if (c.h !== (params.category ?? 'ALL') || c.s !== params.sort) {
    throw new AppError('INVALID_CURSOR', 'The cursor belongs to another listing. Start again from the first page.');
  }
  return c;
}

export type ProductPage = { records: ProductRecord[]; nextCursor: string | null };

/**
 * One page of a listing. Fetches limit+1 so nextCursor is null exactly at the end (no empty last page);
 * the cursor is the last returned item's key in the index.
 */
export async function queryProductPage(params: { category?: string; sort: ProductSort; limit: number; cursor?: string }): Promise<ProductPage> {
  const plan = planFor(params.sort, params.category);
  const hashValue = params.category ?? 'ALL';
  const c = params.cursor ? validateListingCursor({ ...params, cursor: params.cursor }) : undefined;
  const startKey: Record<string, unknown> | undefined = c ? { id: c.id, [plan.hashAttr]: c.h, [plan.rangeAttr]: c.r } : undefined;

  // limit + 1 so nextCursor is null exactly on the last page.
  const records = await queryUpTo<ProductRecord>(
    {
      TableName: tableName('products'),
      IndexName: plan.index,
      KeyConditionExpression: '#h = :h',
      FilterExpression: PUBLISHED_FILTER.FilterExpression,
      ExpressionAttributeNames: { '#h': plan.hashAttr, ...PUBLISHED_FILTER.names },
      ExpressionAttributeValues: { ':h': hashValue, ...PUBLISHED_FILTER.values },
      ScanIndexForward: plan.forward,
      ExclusiveStartKey: startKey,
    },
    params.limit + 1,
  );

  const hasMore = records.length > params.limit;
  const page = records.slice(0, params.limit);
  const last = page[page.length - 1];
  const nextCursor =
    hasMore && last
      ? encodeCursor({ id: last.id, h: hashValue, r: (last as unknown as Record<string, string | number>)[plan.rangeAttr], s: params.sort })
      : null;
  return { records: page, nextCursor };
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

/** getProductRecords, and the ledger shards it read (checkout decrements from those it priced with). */
export async function getProductRecordsWithShards(ids: string[]): Promise<{ records: Map<string, ProductRecord>; shards: Map<string, Shard[]> }> {
  const items = await batchGetAll(
    tableName('products'),
    [...new Set(ids)].map((id) => ({ id })),
    { consistentRead: true },
  );
  // Stock from the ledger where it lives there (ADR 0029): what a cart may buy is the ledger's, not the copy's.
  const { records, shards } = await withLedgerShards(items as ProductRecord[]);
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
 * Every published product's slug and creation time (sitemaps): a projected Query of the listAll index, newest first
 * page by page (every product carries `listAll = 'ALL'`), never a Scan of the table.
 */
export async function listProductSlugs(): Promise<{ slug: string; createdAt: string }[]> {
  const out: { slug: string; createdAt: string }[] = [];
  for await (const page of queryPages({
    TableName: tableName('products'),
    IndexName: PRODUCT_INDEXES.allNewest,
    KeyConditionExpression: 'listAll = :all',
    ProjectionExpression: 'slug, createdAt',
    FilterExpression: PUBLISHED_FILTER.FilterExpression,
    ExpressionAttributeNames: PUBLISHED_FILTER.names,
    ExpressionAttributeValues: { ':all': 'ALL', ...PUBLISHED_FILTER.values },
  })) {
    out.push(...((page.Items ?? []) as { slug: string; createdAt: string }[]));
  }
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
