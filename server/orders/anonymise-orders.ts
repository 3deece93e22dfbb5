import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { queryPages } from '../platform/db';
import { tableName } from '../platform/db/tables';

// When a shopper deletes their account the orders stay for the books (tax, refunds, disputes) but stop saying who
// and where: email removed (so the order also leaves the byEmail index), the shipping address reduced to its
// country and region (the tax jurisdiction the order was charged in). Items, money and status are untouched, so
// totals, the ledger and top sellers are the same afterwards. Idempotent: running it twice changes nothing more.

export const ANONYMISED_NAME = 'Deleted customer';

export async function anonymiseOrdersOf(userId: string, now = new Date()): Promise<number> {
  let count = 0;
  for await (const page of queryPages({
    TableName: tableName('orders'),
    KeyConditionExpression: 'userId = :u',
    ExpressionAttributeValues: { ':u': userId },
    ProjectionExpression: 'orderId, shippingAddress',
  })) {
    for (const item of page.Items ?? []) {
      const address = (item.shippingAddress ?? {}) as { country?: string; region?: string };
      await dynamoDoc().send(
        new UpdateCommand({
          TableName: tableName('orders'),
          Key: { userId, orderId: item.orderId },
          UpdateExpression: 'SET shippingAddress = :a, anonymisedAt = if_not_exists(anonymisedAt, :now) REMOVE email',
          ConditionExpression: 'attribute_exists(orderId)',
          ExpressionAttributeValues: {
            ':a': { name: ANONYMISED_NAME, line1: '', city: '', region: address.region ?? '', postalCode: '', country: address.country ?? '' },
            ':now': now.toISOString(),
          },
        }),
      );
      count += 1;
    }
  }
  return count;
}
