import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../aws/clients';
import { batchDeleteAll, tableName } from '../db';

// Erases a signed-in shopper's recorded interactions (their `user#<id>` partition of `events`) when the account is
// deleted. Anonymous (sf_anon) interactions are tied to no person and stay until their TTL.

export async function eraseInteractionsOf(userId: string): Promise<number> {
  const pk = `user#${userId}`;
  let erased = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page: QueryCommandOutput = await dynamoDoc().send(
      new QueryCommand({
        TableName: tableName('events'),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ProjectionExpression: 'pk, sk',
        ExclusiveStartKey: start,
      }),
    );
    const keys = (page.Items ?? []).map((i) => ({ pk: i.pk, sk: i.sk }));
    await batchDeleteAll(tableName('events'), keys);
    erased += keys.length;
    start = page.LastEvaluatedKey;
  } while (start);
  return erased;
}
