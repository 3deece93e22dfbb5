import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { getProductRecords, type ProductSummary, toProductSummary } from '../catalog';
import { dynamoDoc } from '../platform/aws/clients';
import { tableName } from '../platform/db';
import { actorKey, type Interaction } from './record-interaction';

// "Recently viewed", read from the view events already recorded for recommendations: the actor's newest events
// (one Query on their own partition, so another shopper's never come into it), distinct products, newest first.

const EVENTS_READ = 60;
export const RECENTLY_VIEWED_MAX = 8;

export async function recentlyViewed(actor: Interaction['actor'], options: { exclude?: string; limit?: number } = {}): Promise<ProductSummary[]> {
  const limit = Math.min(options.limit ?? RECENTLY_VIEWED_MAX, RECENTLY_VIEWED_MAX);
  const out = await dynamoDoc().send(
    new QueryCommand({
      TableName: tableName('events'),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': actorKey(actor) },
      ScanIndexForward: false,
      Limit: EVENTS_READ,
    }),
  );
  const ids: string[] = [];
  for (const item of out.Items ?? []) {
    const id = item.productId as string;
    if (item.type !== 'view' || id === options.exclude || ids.includes(id)) continue;
    ids.push(id);
    if (ids.length === limit) break;
  }
  const records = await getProductRecords(ids);
  return ids.flatMap((id) => {
    const r = records.get(id);
    return r ? [toProductSummary(r)] : [];
  });
}
