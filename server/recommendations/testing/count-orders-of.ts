import { queryAll } from '../../platform/db';
import { tableName } from '../../platform/db/tables';
import { countCoPurchases } from '../count-co-purchases';

// For tests that place orders through checkout and then ask for recommendations without running an orders-stream
// reader: hands these shoppers' orders, as stored (what the stream's NEW_IMAGE carries), to the consumer's own
// counting. The stream path itself is covered by server/streams/orders-stream/co-purchases.int.test.ts.
export async function countOrdersOf(userIds: readonly string[]): Promise<void> {
  for (const userId of userIds) {
    const orders = await queryAll<Record<string, unknown>>({
      TableName: tableName('orders'),
      KeyConditionExpression: 'userId = :u',
      ExpressionAttributeValues: { ':u': userId },
      ConsistentRead: true,
    });
    await countCoPurchases(orders);
  }
}
