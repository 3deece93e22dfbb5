import { BatchGetCommand, QueryCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../aws/clients';
import { tableName } from '../db/tables';
import { AppError } from '../errors';
import { SOLD_PARTITION, soldCounterKey } from './keys';
import type { RankedProduct } from './types';

// Reads of the DynamoDB sold counters: all of them (the fallback ranking and Redis rebuilds) or a few by id
// (copying freshly committed counts to Redis).

type CounterItem = { sk: string; sold?: number };

/** Every counter, in no particular order. One partition, paginated; only products that ever sold are in it. */
export async function readAllSoldCounters(): Promise<RankedProduct[]> {
  const out: RankedProduct[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamoDoc().send(
      new QueryCommand({
        TableName: tableName('sales'),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': SOLD_PARTITION },
        ProjectionExpression: 'sk, sold',
        ExclusiveStartKey: start,
      }),
    );
    for (const item of (page.Items ?? []) as CounterItem[]) out.push({ productId: item.sk, sold: item.sold ?? 0 });
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/**
 * Current counts of the given products, strongly consistent so a count read right after its transaction
 * includes it. Products with no counter are absent from the result.
 */
export async function readSoldCounters(productIds: string[]): Promise<RankedProduct[]> {
  const table = tableName('sales');
  const unique = [...new Set(productIds)];
  const out: RankedProduct[] = [];
  for (let i = 0; i < unique.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = unique.slice(i, i + 100).map(soldCounterKey);
    for (let attempt = 0; keys && keys.length > 0 && attempt < 6; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
      const page: BatchGetCommandOutput = await dynamoDoc().send(
        new BatchGetCommand({
          RequestItems: { [table]: { Keys: keys, ConsistentRead: true, ProjectionExpression: 'sk, sold' } },
        }),
      );
      for (const item of (page.Responses?.[table] ?? []) as CounterItem[]) out.push({ productId: item.sk, sold: item.sold ?? 0 });
      keys = page.UnprocessedKeys?.[table]?.Keys;
    }
    if (keys && keys.length > 0) throw new AppError('UNAVAILABLE', 'The sales counters are busy. Please try again.');
  }
  return out;
}
