import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { batchGetAll, isConditionalCheckFailure, queryPages, tableName } from '../platform/db';
import { ENGAGEMENT_INDEXES } from '../platform/db/tables';
import type { StoredAlert } from './contract';

// The alerts table adapter: by product (what the products stream asks) and by owner (deletion, unsubscribe).

export async function putAlert(alert: StoredAlert): Promise<void> {
  await dynamoDoc().send(new PutCommand({ TableName: tableName('alerts'), Item: alert }));
}

export async function readProductAlerts(productId: string): Promise<StoredAlert[]> {
  const items: StoredAlert[] = [];
  for await (const out of queryPages({
    TableName: tableName('alerts'),
    KeyConditionExpression: 'productId = :p',
    ExpressionAttributeValues: { ':p': productId },
    ConsistentRead: true,
  })) {
    items.push(...((out.Items ?? []) as StoredAlert[]));
  }
  return items;
}

/** The alerts with these exact keys (consistent reads); absent ones are left out. */
export async function readAlertsByKey(keys: readonly Pick<StoredAlert, 'productId' | 'subscriptionId'>[]): Promise<StoredAlert[]> {
  return (await batchGetAll(tableName('alerts'), keys, { consistentRead: true })) as StoredAlert[];
}

export async function readOwnerAlerts(ownerKey: string): Promise<StoredAlert[]> {
  const items: StoredAlert[] = [];
  for await (const out of queryPages({
    TableName: tableName('alerts'),
    IndexName: ENGAGEMENT_INDEXES.alertsByOwner,
    KeyConditionExpression: 'ownerKey = :o',
    ExpressionAttributeValues: { ':o': ownerKey },
  })) {
    items.push(...((out.Items ?? []) as StoredAlert[]));
  }
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

/** Confirms one pending subscription instance; false when it is gone, replaced, or was never pending. */
export async function confirmAlert(key: { productId: string; subscriptionId: string; createdAt: string }): Promise<boolean> {
  try {
    await dynamoDoc().send(
      new UpdateCommand({
        TableName: tableName('alerts'),
        Key: { productId: key.productId, subscriptionId: key.subscriptionId },
        UpdateExpression: 'REMOVE pending',
        ConditionExpression: 'createdAt = :c',
        ExpressionAttributeValues: { ':c': key.createdAt },
      }),
    );
    return true;
  } catch (err) {
    if (isConditionalCheckFailure(err)) return false;
    throw err;
  }
}
