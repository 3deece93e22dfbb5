import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { uniqueId } from '@/server/checkout/test-support/fixtures';
import { dynamoDoc } from '@/server/platform/aws/clients';
import { tableName } from '@/server/platform/db/tables';
import { editProduct } from './editing/edit-product';
import { importCatalog, productIdFromSlug } from './import';
import { listCategoriesWithCounts, recountCategories } from './product-repository';

// Category counts as counters (issue 26 item 2): the category list reads a number kept on each category item
// instead of counting every product on each read; the import and the products stream keep it.

const marketer = { id: 'mkt-counts', email: 'marketer@example.com', name: 'Mia Marketer', groups: ['marketers'] };

const row = (slug: string, category: string, i = 0) => ({
  slug,
  name: `Counted ${slug}`,
  category,
  categoryName: `Counted ${category}`,
  brand: 'Fixture Co',
  description: 'Imported by the category counts test.',
  images: ['/images/products/test.png'],
  tags: [],
  rating: 4,
  reviewCount: 1,
  createdAt: '2026-01-01T00:00:00Z',
  featuredRank: 5 + i,
  variants: [{ id: `${slug}-one`, options: { size: 'one' }, price: 2_000, stock: 3 }],
});

const categoryItem = async (slug: string) =>
  (await dynamoDoc().send(new GetCommand({ TableName: tableName('categories'), Key: { slug }, ConsistentRead: true }))).Item;

describe('category counts', () => {
  it('are stored by the import, read without counting, and follow an unpublish once recounted', async () => {
    const category = uniqueId('counted');
    const slugs = [uniqueId('c1'), uniqueId('c2'), uniqueId('c3')];
    await importCatalog(slugs.map((s, i) => row(s, category, i)));
    expect(await categoryItem(category)).toMatchObject({ productCount: 3 });
    expect((await listCategoriesWithCounts()).find((c) => c.slug === category)?.productCount).toBe(3);

    // The list reads the stored number: set it to something no COUNT would give, and the list says it.
    await dynamoDoc().send(new PutCommand({ TableName: tableName('categories'), Item: { ...(await categoryItem(category)), productCount: 42 } }));
    expect((await listCategoriesWithCounts()).find((c) => c.slug === category)?.productCount).toBe(42);

    await editProduct(marketer, productIdFromSlug(slugs[0]!), { published: false, expectedVersion: 1 });
    // What the products stream does for a batch holding that change (handle-product-records.ts).
    await recountCategories([category, category]);
    expect((await listCategoriesWithCounts()).find((c) => c.slug === category)?.productCount).toBe(2);
  });

  it('counts a category that has no counter yet (written before counters) on read', async () => {
    const category = uniqueId('uncounted');
    await importCatalog([row(uniqueId('u1'), category)]);
    const item = await categoryItem(category);
    const { productCount: _dropped, countedAt: _at, ...legacy } = item ?? {};
    await dynamoDoc().send(new PutCommand({ TableName: tableName('categories'), Item: legacy }));
    expect((await listCategoriesWithCounts()).find((c) => c.slug === category)?.productCount).toBe(1);
  });
});
