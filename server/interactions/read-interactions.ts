import { queryPages, tableName } from '../platform/db';
import type { InteractionType } from './record-interaction';

// A signed-in shopper's recorded interactions in a time window (campaign segments: "viewed but did not buy").
// One Query of the shopper's partition: the sort key starts with the ISO time, so a window is a BETWEEN.

export async function interactionsOf(userId: string, from: string, to: string): Promise<{ type: InteractionType; productId: string; at: string }[]> {
  const out: { type: InteractionType; productId: string; at: string }[] = [];
  for await (const page of queryPages({
    TableName: tableName('events'),
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': `user#${userId}`, ':from': from, ':to': `${to}\uffff` },
  })) {
    for (const item of page.Items ?? []) out.push({ type: item.type as InteractionType, productId: String(item.productId), at: String(item.at) });
  }
  return out;
}
