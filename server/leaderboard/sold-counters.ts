import { batchGetAll, queryPages } from '../platform/db';
import { tableName } from '../platform/db/tables';
import type { RankedProduct } from './contract';
import { SOLD_PARTITION, soldCounterKey } from './keys';

// Reads of the DynamoDB sold counters: all of them (the fallback ranking and Redis rebuilds) or a few by id
// (copying freshly committed counts to Redis).

type CounterItem = { sk: string; sold?: number };

/** Every counter, in no particular order. One partition, paginated; only products that ever sold are in it. */
export async function readAllSoldCounters(): Promise<RankedProduct[]> {
  const out: RankedProduct[] = [];
  for await (const page of queryPages({
    TableName: tableName('sales'),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': SOLD_PARTITION },
    ProjectionExpression: 'sk, sold',
  })) {
    for (const item of (page.Items ?? []) as CounterItem[]) out.push({ productId: item.sk, sold: item.sold ?? 0 });
  }
  return out;
}

/**
 * Current counts of the given products, strongly consistent so a count read right after its transaction
 * includes it. Products with no counter are absent from the result.
 */
export async function readSoldCounters(productIds: string[]): Promise<RankedProduct[]> {
  const keys = [...new Set(productIds)].map(soldCounterKey);
  const items = (await batchGetAll(tableName('sales'), keys, { consistentRead: true, projection: 'sk, sold' })) as CounterItem[];
  return items.map((item) => ({ productId: item.sk, sold: item.sold ?? 0 }));
}
