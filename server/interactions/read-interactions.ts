import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../aws/clients';
import { tableName } from '../db';
import type { InteractionType } from './record-interaction';

// A signed-in shopper's recorded interactions in a time window (campaign segments: "viewed but did not buy").
// One Query of the shopper's partition: the sort key starts with the ISO time, so a window is a BETWEEN.

export async function interactionsOf(userId: string, from: string, to: string): Promise<{ type: InteractionType; productId: string; at: string }[]> {
  const out: { type: InteractionType; productId: string; at: string }[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamoDoc().send(
      new QueryCommand({
        TableName: tableName('events'),
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': `user#${userId}`, ':from': from, ':to': `${to}\uffff` },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) out.push({ type: item.type as InteractionType, productId: String(item.productId), at: String(item.at) });
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}
