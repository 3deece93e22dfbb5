import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCatalog } from '../../local/catalog/demo-catalog';
import { dynamoDoc } from '../platform/aws/clients';
import { listAllPartitions, tableName } from '../platform/db/tables';
import { AppError } from '../platform/errors';
import type { ProductSort } from './contract';
import { importCatalog } from './import';
import { useFreshCatalogTables } from './import/catalog-test-tables';
import { getProductRecordBySlug, getProductRecords, listCategoriesWithCounts, listProductSlugs, queryProductPage } from './product-repository';

// Listings straight from DynamoDB Local: no hidden caps, stable cursors, every sort in order.
const rows = generateDemoCatalog({ count: 260 });
let tables: { drop: () => Promise<void> };

beforeAll(async () => {
  tables = await useFreshCatalogTables();
  await importCatalog(rows);
}, 120_000);
afterAll(async () => tables.drop());

async function readAll(params: { category?: string; sort: ProductSort; limit: number }) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await queryProductPage({ ...params, cursor });
    pages.push(page.records.map((r) => r.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 100);
  return pages;
}

/** The value each sort orders by, ascending (descending sorts negated), for a product id among `records`. */
function sortKeyOf(sort: ProductSort, records: Awaited<ReturnType<typeof getProductRecords>>): (id: string) => number {
  return {
    featured: (id: string) => records.get(id)!.featuredRank,
    'price-asc': (id: string) => records.get(id)!.minPrice,
    'price-desc': (id: string) => -records.get(id)!.minPrice,
    rating: (id: string) => -records.get(id)!.ratingSort,
    newest: (id: string) => -Date.parse(records.get(id)!.createdAt),
  }[sort];
}

describe('product listings on DynamoDB Local', () => {
  it('pages past 100: following nextCursor with limit 100 reaches all 260 products once, last cursor null', async () => {
    const pages = await readAll({ sort: 'featured', limit: 100 });
    expect(pages.map((p) => p.length)).toEqual([100, 100, 60]);
    expect(new Set(pages.flat()).size).toBe(260);
  });

  it.each<ProductSort>(['featured', 'price-asc', 'price-desc', 'rating', 'newest'])('sorts a category by %s across pages', async (sort) => {
    const category = rows[0]!.category;
    const inCategory = rows.filter((r) => r.category === category).length;
    const ids = (await readAll({ category, sort, limit: 7 })).flat();
    expect(ids).toHaveLength(inCategory);
    const records = await getProductRecords(ids);
    const keys = ids.map(sortKeyOf(sort, records));
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
  });

  it.each<ProductSort>(['featured', 'price-asc', 'price-desc', 'rating', 'newest'])(
    'merges the %s shards of the whole catalog: more than 2 pages, every product exactly once, in order (ADR 0033)',
    async (sort) => {
      const pages = await readAll({ sort, limit: 37 });
      expect(pages.length).toBeGreaterThan(2);
      const ids = pages.flat();
      expect(ids).toHaveLength(260);
      expect(new Set(ids).size).toBe(260);
      const records = await getProductRecords(ids);
      // The products are spread over the shards (otherwise this would test one partition).
      expect(new Set([...records.values()].map((r) => r.listAll)).size).toBeGreaterThan(4);
      const keys = ids.map(sortKeyOf(sort, records));
      expect(keys).toEqual([...keys].sort((a, b) => a - b));
    },
  );

  it('still lists a product written before the shards (listAll = ALL) while the backfill has not reached it', async () => {
    const legacy = {
      ...(await getProductRecordBySlug(rows[3]!.slug))!,
      id: 'legacy-unsharded',
      slug: 'legacy-unsharded',
      listAll: 'ALL' as const,
      featuredRank: -1,
    };
    await dynamoDoc().send(new PutCommand({ TableName: tableName('products'), Item: legacy }));
    try {
      expect((await queryProductPage({ sort: 'featured', limit: 3 })).records[0]?.id).toBe('legacy-unsharded');
      expect((await listProductSlugs()).map((s) => s.slug)).toContain('legacy-unsharded');
    } finally {
      await dynamoDoc().send(new DeleteCommand({ TableName: tableName('products'), Key: { id: 'legacy-unsharded' } }));
    }
  });

  it('rejects a cursor from another listing or a forged one with INVALID_CURSOR', async () => {
    const first = await queryProductPage({ sort: 'featured', limit: 5 });
    const attempt = (p: Promise<unknown>) =>
      p.then(
        () => 'accepted',
        (e: unknown) => (e instanceof AppError ? e.code : String(e)),
      );
    expect(await attempt(queryProductPage({ sort: 'price-asc', limit: 5, cursor: first.nextCursor! }))).toBe('INVALID_CURSOR');
    expect(await attempt(queryProductPage({ sort: 'featured', category: rows[0]!.category, limit: 5, cursor: first.nextCursor! }))).toBe('INVALID_CURSOR');
    const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const partitions = listAllPartitions().length;
    for (const forged of [
      forge({ id: 'x', h: 'ALL', r: 1, s: 'featured' }), // the shape before the shards
      forge({ h: 'ALL', s: 'featured', p: [['x', 'not-a-number'], ...Array(partitions - 1).fill(null)] }),
      forge({ h: 'ALL', s: 'featured', p: [['x', 1]] }), // fewer partitions than the index has
      'not base64 at all!',
    ]) {
      expect(await attempt(queryProductPage({ sort: 'featured', limit: 5, cursor: forged }))).toBe('INVALID_CURSOR');
    }
    // A cursor of the right shape is followed, whatever ids it names.
    expect(
      await attempt(queryProductPage({ sort: 'featured', limit: 5, cursor: forge({ h: 'ALL', s: 'featured', p: Array(partitions).fill(['x', 1]) }) })),
    ).toBe('accepted');
  });

  it('finds a product by slug, counts categories, and lists every slug for the sitemap', async () => {
    const row = rows[17]!;
    expect((await getProductRecordBySlug(row.slug))?.name).toBe(row.name);
    expect(await getProductRecordBySlug('no-such-slug')).toBeNull();
    const categories = await listCategoriesWithCounts();
    expect(categories.reduce((n, c) => n + c.productCount, 0)).toBe(260);
    expect((await listProductSlugs()).length).toBe(260);
  });
});
