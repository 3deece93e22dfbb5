import { batchDeleteAll, queryPages, tableName } from '../platform/db';

// Erases a signed-in shopper's recorded interactions (their `user#<id>` partition of `events`) when the account is
// deleted. Anonymous (sf_anon) interactions are tied to no person and stay until their TTL.

export async function eraseInteractionsOf(userId: string): Promise<number> {
  const pk = `user#${userId}`;
  let erased = 0;
  for await (const page of queryPages({
    TableName: tableName('events'),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': pk },
    ProjectionExpression: 'pk, sk',
  })) {
    const keys = (page.Items ?? []).map((i) => ({ pk: i.pk, sk: i.sk }));
    await batchDeleteAll(tableName('events'), keys);
    erased += keys.length;
  }
  return erased;
}
