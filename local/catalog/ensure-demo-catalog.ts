import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../../server/aws/clients';
import { tableName } from '../../server/db/tables';
import { importCatalog } from '../../server/catalog/import';
import { generateDemoCatalog } from './demo-catalog';

// First start of the local stack: an empty products table gets the demo catalog, generated in memory and loaded
// through the same validation and writer as `npm run catalog:import`. Any product at all means someone's data
// is there (a previous seed, an import), and it is left alone.

async function productsTableIsEmpty(): Promise<boolean> {
  // Limit 1 with a projection reads at most one small item, however large the table is.
  const out = await dynamoDoc().send(new ScanCommand({ TableName: tableName('products'), Limit: 1, ProjectionExpression: 'id' }));
  return (out.Items?.length ?? 0) === 0 && out.LastEvaluatedKey === undefined;
}

export async function ensureDemoCatalog(): Promise<void> {
  if (!(await productsTableIsEmpty())) return;
  const started = performance.now();
  const rows = generateDemoCatalog();
  const summary = await importCatalog(rows);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Loaded the demo catalog: ${summary.products} products in ${summary.categories} categories (${seconds} s).`);
}
