import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoBulkClient, dynamoBulkDoc } from '../../platform/aws/clients';
import { resetConfigForTests } from '../../platform/config';
import { scanAll as scanAllItems } from '../../platform/db';
import { tableDefinitions, tableName } from '../../platform/db/tables';
import type { ProductRecord } from '../contract';

// Integration-test helper: a private pair of products/categories tables under a fresh TABLE_PREFIX on the shared
// test stack, so import tests can assert exact counts without seeing (or disturbing) other suites' data. Table work
// and whole-table scans go through the bulk client (long request timeout), like the importer itself.

export async function useFreshCatalogTables(): Promise<{ drop: () => Promise<void> }> {
  const previousPrefix = process.env.TABLE_PREFIX;
  process.env.TABLE_PREFIX = `import-test-${randomUUID().slice(0, 8)}-`;
  resetConfigForTests();
  // reviews and promotions: the demo seed writes its reviews and its promotions next to the products; stock: the
  // import writes each product's units to the stock ledger (ADR 0029).
  const names = [
    tableName('products'),
    tableName('stock'),
    tableName('categories'),
    tableName('reviews'),
    tableName('promotions'),
    tableName('promotionAudit'),
  ];
  const defs = tableDefinitions().filter((d) => d.TableName !== undefined && names.includes(d.TableName));
  await Promise.all(defs.map((def) => dynamoBulkClient().send(new CreateTableCommand(def))));
  return {
    drop: async () => {
      await Promise.all(names.map((TableName) => dynamoBulkClient().send(new DeleteTableCommand({ TableName }))));
      if (previousPrefix === undefined) delete process.env.TABLE_PREFIX;
      else process.env.TABLE_PREFIX = previousPrefix;
      resetConfigForTests();
    },
  };
}

/** Every item, page by page (a Scan page stops at 1 MB). */
export async function scanAll(table: 'products' | 'categories' | 'reviews'): Promise<Record<string, unknown>[]> {
  return scanAllItems<Record<string, unknown>>({ TableName: tableName(table) }, { client: dynamoBulkDoc() });
}

export async function getStoredProduct(id: string): Promise<ProductRecord | undefined> {
  const out = await dynamoBulkDoc().send(new GetCommand({ TableName: tableName('products'), Key: { id }, ConsistentRead: true }));
  return out.Item as ProductRecord | undefined;
}
