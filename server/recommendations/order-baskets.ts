import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../aws/clients';
import { tableName } from '../db/tables';
import type { Basket } from './types';

// Every order's product ids, read with a projected Scan of the orders table and kept for a minute. The local
// engine is the fallback and the laptop path: at demo scale (thousands of orders) a Scan is a few pages; a shop
// with millions of orders would keep pair counts from the orders stream instead (docs/recommendations.md).

export type UserBasket = { userId: string; productIds: Basket };

const TTL_MS = 60_000;
let cached: { at: number; baskets: Promise<UserBasket[]> } | undefined;

async function scanBaskets(): Promise<UserBasket[]> {
  const out: UserBasket[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamoDoc().send(
      new ScanCommand({
        TableName: tableName('orders'),
        ProjectionExpression: 'userId, #items',
        ExpressionAttributeNames: { '#items': 'items' },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const lines = Array.isArray(item.items) ? (item.items as { productId?: unknown }[]) : [];
      const productIds = lines.map((l) => l.productId).filter((id): id is string => typeof id === 'string');
      if (typeof item.userId === 'string' && productIds.length > 0) out.push({ userId: item.userId, productIds });
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/** All baskets, shared by concurrent callers; a failed read is not cached. */
export function orderBaskets(now = Date.now()): Promise<UserBasket[]> {
  if (!cached || now - cached.at > TTL_MS) {
    const baskets = scanBaskets();
    cached = { at: now, baskets };
    baskets.catch(() => {
      if (cached?.baskets === baskets) cached = undefined;
    });
  }
  return cached.baskets;
}

/** After placing orders, tests (and an orders-stream hook) want the next read to see them. */
export function forgetOrderBaskets(): void {
  cached = undefined;
}
