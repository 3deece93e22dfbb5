import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanAll, useFreshCatalogTables } from '../../server/catalog/import/catalog-test-tables';
import { dynamoDoc } from '../../server/platform/aws/clients';
import { tableName } from '../../server/platform/db/tables';
import { ensureDemoCatalog } from './ensure-demo-catalog';

let tables: { drop: () => Promise<void> };
beforeEach(async () => {
  tables = await useFreshCatalogTables();
});
afterEach(async () => {
  await tables.drop();
});

describe('ensureDemoCatalog', () => {
  // A slow machine needs more than the default 30 s for 1,200 products and their reviews, twice.
  it('loads the demo catalog into an empty products table, and does nothing the second time', { timeout: 180_000 }, async () => {
    await ensureDemoCatalog();
    const first = await scanAll('products');
    expect(first.length).toBeGreaterThanOrEqual(1000);
    const reviews = await scanAll('reviews');
    expect(reviews.length).toBeGreaterThan(1000);
    // Every rating shown is its approved reviews' average.
    const reviewed = new Set(reviews.map((r) => r.productId));
    const product = first.find((p) => reviewed.has(p.id))!;
    // Each reviewed product also has its summary item (authorId '#summary', ADR 0029): not a review.
    const mine = reviews.filter((r) => r.productId === product.id && r.authorId !== '#summary');
    const average = Math.round((mine.reduce((s, r) => s + (r.rating as number), 0) * 10) / mine.length) / 10;
    expect(product).toMatchObject({ rating: average, reviewCount: mine.length });
    expect(first.filter((p) => !reviewed.has(p.id)).every((p) => p.reviewCount === 0 && p.rating === 0)).toBe(true);
    await ensureDemoCatalog();
    expect(await scanAll('products')).toHaveLength(first.length);
  });

  it('leaves a table that already has any product alone', async () => {
    await dynamoDoc().send(new PutCommand({ TableName: tableName('products'), Item: { id: 'mine', slug: 'mine' } }));
    await ensureDemoCatalog();
    expect(await scanAll('products')).toEqual([{ id: 'mine', slug: 'mine' }]);
    expect(await scanAll('categories')).toEqual([]);
  });
});
