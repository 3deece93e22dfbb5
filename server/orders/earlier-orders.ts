import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { ORDER_INDEXES, tableName } from '../platform/db/tables';

// Fraud screening's "first order" fact: has this customer (the account's partition, or anyone with this email) ever
// ordered before? Two one-item Queries (the partition, the byEmail index); never a Scan.

export async function hasEarlierOrder(customer: { userId: string; email?: string }): Promise<boolean> {
  const byOwner = await dynamoDoc().send(
    new QueryCommand({
      TableName: tableName('orders'),
      KeyConditionExpression: 'userId = :u',
      ExpressionAttributeValues: { ':u': customer.userId },
      ProjectionExpression: 'orderId',
      Limit: 1,
    }),
  );
  if ((byOwner.Items?.length ?? 0) > 0) return true;
  if (!customer.email) return false;
  const byEmail = await dynamoDoc().send(
    new QueryCommand({
      TableName: tableName('orders'),
      IndexName: ORDER_INDEXES.byEmail,
      KeyConditionExpression: 'email = :e',
      ExpressionAttributeValues: { ':e': customer.email.toLowerCase() },
      ProjectionExpression: 'orderId',
      Limit: 1,
    }),
  );
  return (byEmail.Items?.length ?? 0) > 0;
}
