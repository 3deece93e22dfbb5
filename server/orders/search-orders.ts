import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { dynamoDoc } from '../aws/clients';
import { ORDER_INDEXES, tableName } from '../db/tables';
import { decodeCursor, encodeCursor } from '../pagination/cursor';
import { ORDER_ID_PATTERN } from './order-id';
import type { OrderRecord, OrderStatus, OrderSummary } from './order-types';
import { toOrderSummary } from './to-order';

// The operations console's search: by order id (byOrderId), by email (byEmail, newest first), by status (byStatus,
// newest first), or every order (a Scan, in no particular order: the console's unfiltered first page). A status
// with an id or email is a filter on that query. Cursors carry the index's last key, validated on the way back.

export type OrderSearch = { status?: OrderStatus; q?: string; cursor?: string; limit: number };
export type OrderSearchItem = OrderSummary & { email: string };

const keySchema = z.record(z.string().max(512), z.string().max(512));
const cursorSchema = z.object({ k: keySchema });

export async function searchOrders(query: OrderSearch): Promise<{ items: OrderSearchItem[]; nextCursor: string | null }> {
  const q = query.q?.trim();
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  let index: string | undefined;
  let keyCondition: string | undefined;
  let keyAttrs: string[] = ['userId', 'orderId'];
  if (q && ORDER_ID_PATTERN.test(q)) {
    index = ORDER_INDEXES.byOrderId;
    keyCondition = 'orderId = :q';
    values[':q'] = q;
  } else if (q) {
    index = ORDER_INDEXES.byEmail;
    keyCondition = 'email = :q';
    values[':q'] = q.toLowerCase();
    keyAttrs = [...keyAttrs, 'email'];
  } else if (query.status) {
    index = ORDER_INDEXES.byStatus;
    keyCondition = '#status = :status';
    keyAttrs = [...keyAttrs, 'status'];
  }
  if (query.status) {
    names['#status'] = 'status';
    values[':status'] = query.status;
  }
  // The byOrderId index and a Scan also see the markers claimed guest orders leave behind (MovedOrderMarker).
  const filters = [
    ...(query.status && index !== ORDER_INDEXES.byStatus ? ['#status = :status'] : []),
    ...(index === ORDER_INDEXES.byOrderId || !index ? ['attribute_not_exists(movedTo)'] : []),
  ];
  const filter = filters.length > 0 ? filters.join(' AND ') : undefined;
  let start = query.cursor ? decodeCursor(query.cursor, cursorSchema).k : undefined;
  const records: OrderRecord[] = [];
  // limit + 1 so nextCursor is null exactly on the last page; a filter can empty a page, so keep reading.
  while (records.length < query.limit + 1) {
    const common = {
      TableName: tableName('orders'),
      ...(index ? { IndexName: index } : {}),
      ...(filter ? { FilterExpression: filter } : {}),
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
      ExclusiveStartKey: start,
      Limit: query.limit + 1 - records.length,
    };
    const out = keyCondition
      ? await dynamoDoc().send(new QueryCommand({ ...common, KeyConditionExpression: keyCondition, ScanIndexForward: false }))
      : await dynamoDoc().send(new ScanCommand(common));
    records.push(...((out.Items ?? []) as OrderRecord[]));
    start = out.LastEvaluatedKey as Record<string, string> | undefined;
    if (!start) break;
  }
  const page = records.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor =
    records.length > query.limit && last
      ? encodeCursor({ k: Object.fromEntries(keyAttrs.map((a) => [a, String((last as unknown as Record<string, unknown>)[a])])) })
      : null;
  return { items: page.map((r) => ({ ...toOrderSummary(r), email: r.email ?? '' })), nextCursor };
}
