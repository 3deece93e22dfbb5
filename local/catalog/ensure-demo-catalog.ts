import { DescribeTableCommand, type StreamSpecification, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { importCatalog } from '../../server/catalog/import';
import { dynamoClient, dynamoDoc } from '../../server/platform/aws/clients';
import { tableName } from '../../server/platform/db/tables';
import { seedDemoPromotions } from '../../server/promotions/seed-demo-promotions';
import { writeSeedReviews } from '../../server/reviews/seed-reviews';
import { generateDemoCatalog } from './demo-catalog';
import { withDemoReviews } from './demo-reviews';

// First start of the local stack: an empty products table gets the demo catalog, generated in memory and loaded
// through the same validation and writer as `npm run catalog:import`. Any product at all means someone's data
// is there (a previous seed, an import), and it is left alone.

async function productsTableIsEmpty(): Promise<boolean> {
  // Limit 1 with a projection reads at most one small item, however large the table is.
  const out = await dynamoDoc().send(new ScanCommand({ TableName: tableName('products'), Limit: 1, ProjectionExpression: 'id' }));
  return (out.Items?.length ?? 0) === 0 && out.LastEvaluatedKey === undefined;
}

async function setProductsStream(spec: StreamSpecification): Promise<void> {
  await dynamoClient().send(new UpdateTableCommand({ TableName: tableName('products'), StreamSpecification: spec }));
}

/**
 * DynamoDB Local spends most of a bulk load writing stream records (measured: ~2 s without the stream, 12–20 s
 * with it). Nothing reads the stream before the first start finishes (the server starts afterwards and builds its
 * search index from a full read), so the seed runs with the stream off and turns it back on with the same view.
 */
async function withProductsStreamPaused<T>(work: () => Promise<T>): Promise<T> {
  const { Table } = await dynamoClient().send(new DescribeTableCommand({ TableName: tableName('products') }));
  const spec = Table?.StreamSpecification;
  if (!spec?.StreamEnabled) return work();
  await setProductsStream({ StreamEnabled: false });
  try {
    return await work();
  } finally {
    await setProductsStream({ StreamEnabled: true, StreamViewType: spec.StreamViewType });
  }
}

export async function ensureDemoCatalog(): Promise<void> {
  // The demo promotions (WELCOME10, an automatic coffee week), each only if absent: docs/promotions.md.
  const promotions = await seedDemoPromotions();
  if (promotions.length > 0) console.log(`Added the demo promotions: ${promotions.join(', ')}.`);
  if (!(await productsTableIsEmpty())) return;
  const started = performance.now();
  // Ratings come from the seeded demo reviews (approved), never from a number with no review behind it.
  const { rows, reviews } = withDemoReviews(generateDemoCatalog());
  const summary = await withProductsStreamPaused(async () => {
    const imported = await importCatalog(rows);
    await writeSeedReviews(reviews);
    return imported;
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Loaded the demo catalog: ${summary.products} products in ${summary.categories} categories, ${reviews.length} reviews (${seconds} s).`);
}
