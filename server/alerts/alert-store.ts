import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../aws/clients';
import { batchGetAll, isConditionalCheckFailure, tableName } from '../db';
import { ENGAGEMENT_INDEXES } from '../db/tables';
import type { StoredAlert } from './alert-types';

// The alerts table adapter: by product (what the products stream asks) and by owner (deletion, unsubscribe).

export async function putAlert(alert: StoredAlert): Promise<void> {
  await dynamoDoc().send(new PutCommand({ TableName: tableName('alerts'), Item: alert }));
}

export async function readProductAlerts(productId: string): Promise<StoredAlert[]> {
  const items: StoredAlert[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await dynamoDoc().send(
      new QueryCommand({
        TableName: tableName('alerts'),
        KeyConditionExpression: 'productId = :p',
        ExpressionAttributeValues: { ':p': productId },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...((out.Items ?? []) as StoredAlert[]));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** The alerts with these exact keys (consistent reads); absent ones are left out. */
export async function readAlertsByKey(keys: readonly Pick<StoredAlert, 'productId' | 'subscriptionId'>[]): Promise<StoredAlert[]> {
  return (await batchGetAll(tableName('alerts'), keys, { consistentRead: true })) as StoredAlert[];
}

export async function readOwnerAlerts(ownerKey: string): Promise<StoredAlert[]> {
  const items: StoredAlert[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await dynamoDoc().send(
      new QueryCommand({
        TableName: tableName('alerts'),
        IndexName: ENGAGEMENT_INDEXES.alertsByOwner,
        KeyConditionExpression: 'ownerKey = :o',
        ExpressionAttributeValues: { ':o': ownerKey },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...((out.Items ?? []) as StoredAlert[]));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Ends one subscription; with `createdAt`, only that instance (a newer re-subscription survives). */
export async function deleteAlert(alert: Pick<StoredAlert, 'productId' | 'subscriptionId'>, createdAt?: string): Promise<void> {
  try {
    await dynamoDoc().send(
      new DeleteCommand({
        TableName: tableName('alerts'),
        Key: { productId: alert.productId, subscriptionId: alert.subscriptionId },
        ...(createdAt ? { ConditionExpression: 'createdAt = :c', ExpressionAttributeValues: { ':c': createdAt } } : {}),
      }),
    );
  } catch (err) {
    if (!isConditionalCheckFailure(err)) throw err;
  }
}
