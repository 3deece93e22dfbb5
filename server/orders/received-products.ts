import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../aws/clients';
import { tableName } from '../db';
import type { OrderRecord } from './order-types';

// "Did this shopper receive this product?" — the reviews domain's verified-buyer rule. Received means an order line
// for the product on an order that was delivered (a later return request or refund does not undo having had it).
// Only the attributes the answer needs are read, across every page of the shopper's orders.

export async function hasReceivedProduct(userId: string, productId: string): Promise<boolean> {
  let start: Record<string, unknown> | undefined;
  do {
    const out = await dynamoDoc().send(
      new QueryCommand({
        TableName: tableName('orders'),
        KeyConditionExpression: 'userId = :u',
        ExpressionAttributeValues: { ':u': userId },
        ProjectionExpression: '#items, fulfilment',
        ExpressionAttributeNames: { '#items': 'items' },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    const records = (out.Items ?? []) as Pick<OrderRecord, 'items' | 'fulfilment'>[];
    if (records.some((r) => r.fulfilment?.deliveredAt && r.items.some((i) => i.productId === productId))) return true;
    start = out.LastEvaluatedKey;
  } while (start);
  return false;
}
