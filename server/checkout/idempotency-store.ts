import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { type TransactItem, tableName } from '../platform/db';

/** How long a key is remembered. A client retrying later than this places a new order. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

export type IdempotencyRecord = { key: string; userId: string; bodyHash: string; orderId: string; createdAt: string; expiresAt: number };

/** Scoped by user (data-model pattern 13): two shoppers who pick the same key never see each other's order. */
export function idempotencyRecordKey(userId: string, idempotencyKey: string): string {
  return `${userId}#${idempotencyKey}`;
}

export async function readIdempotencyRecord(key: string, nowSeconds = Math.floor(Date.now() / 1000)): Promise<IdempotencyRecord | null> {
  const out = await dynamoDoc().send(new GetCommand({ TableName: tableName('idempotency'), Key: { key }, ConsistentRead: true }));
  const record = out.Item as IdempotencyRecord | undefined;
  // DynamoDB's TTL deletes lazily (up to days late), so an expired record is treated as gone here too.
  return record && record.expiresAt > nowSeconds ? record : null;
}

/** The record Put inside the checkout transaction: fails if a live record for the key exists (a concurrent winner). */
export function putIdempotencyItem(record: IdempotencyRecord, nowSeconds: number): TransactItem {
  return {
    Put: {
      TableName: tableName('idempotency'),
      Item: record,
      ConditionExpression: 'attribute_not_exists(#k) OR expiresAt <= :now',
      ExpressionAttributeNames: { '#k': 'key' },
      ExpressionAttributeValues: { ':now': nowSeconds },
    },
  };
}
