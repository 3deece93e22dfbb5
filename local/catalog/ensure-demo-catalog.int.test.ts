import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dynamoDoc } from '../../server/aws/clients';
import { scanAll, useFreshCatalogTables } from '../../server/catalog/import/catalog-test-tables';
import { tableName } from '../../server/db/tables';
import { ensureDemoCatalog } from './ensure-demo-catalog';

let tables: { drop: () => Promise<void> };
beforeEach(async () => {
  tables = await useFreshCatalogTables();
});
afterEach(async () => {
  await tables.drop();
});

describe('ensureDemoCatalog', () => {
  it('loads the demo catalog into an empty products table, and does nothing the second time', async () => {
    await ensureDemoCatalog();
    const first = await scanAll('products');
    expect(first.length).toBeGreaterThanOrEqual(1000);
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
