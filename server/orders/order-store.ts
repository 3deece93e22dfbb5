import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { dynamoDoc } from '../platform/aws/clients';
import type { TransactItem } from '../platform/db';
import { queryUpTo } from '../platform/db';
import { ORDER_INDEXES, tableName } from '../platform/db/tables';
import { decodeCursor, encodeCursor } from '../platform/pagination';
import type { MovedOrderMarker, OrderRecord } from './contract';
import { ORDER_ID_PATTERN } from './order-id';

/** GetItem by (caller, id): another shopper's order id is simply not found under the caller's key. */
export async function readOrderRecord(userId: string, orderId: string): Promise<OrderRecord | null> {
  if (!ORDER_ID_PATTERN.test(orderId)) return null;
  return readOrderRecordAt(userId, orderId);
}

/**
 * The item at (userId, orderId), following a claimed guest order to the account it moved to (claim-guest-orders.ts):
 * a reader that holds the guest key — the warehouse's queued message, an idempotent replay, the guest's own cookie —
 * finds the order where it now lives. Only guest partitions hold such markers, so a shopper's key never leads
 * anywhere else. No id check: the guest lookup does the same read for a malformed id as for a wrong email.
 */
export async function readOrderRecordAt(userId: string, orderId: string): Promise<OrderRecord | null> {
  const item = await getOrderItem(userId, orderId);
  if (item && isMovedOrder(item)) {
    const moved = await getOrderItem(item.movedTo, orderId);
    return moved && !isMovedOrder(moved) ? moved : null;
  }
  return item;
}

async function getOrderItem(userId: string, orderId: string): Promise<OrderRecord | MovedOrderMarker | null> {
  const out = await dynamoDoc().send(new GetCommand({ TableName: tableName('orders'), Key: { userId, orderId }, ConsistentRead: true }));
  return (out.Item as OrderRecord | MovedOrderMarker | undefined) ?? null;
}

export function isMovedOrder(item: OrderRecord | MovedOrderMarker): item is MovedOrderMarker {
  return typeof (item as MovedOrderMarker).movedTo === 'string';
}

// The cursor is the last order id of the page; it carries no user id, because the Query key is always the caller.
const cursorSchema = z.object({ o: z.string().regex(ORDER_ID_PATTERN) });

export async function queryOrderRecords(userId: string, limit: number, cursor?: string): Promise<{ records: OrderRecord[]; nextCursor: string | null }> {
  const start = cursor ? decodeCursor(cursor, cursorSchema) : undefined;
  // limit + 1 so nextCursor is null exactly on the last page.
  const records = await queryUpTo<OrderRecord>(
    {
      TableName: tableName('orders'),
      KeyConditionExpression: 'userId = :u',
      ExpressionAttributeValues: { ':u': userId },
      ScanIndexForward: false,
      ExclusiveStartKey: start ? { userId, orderId: start.o } : undefined,
    },
    limit + 1,
  );
  const page = records.slice(0, limit);
  const last = page[page.length - 1];
  return { records: page, nextCursor: records.length > limit && last ? encodeCursor({ o: last.orderId }) : null };
}

/** The order Put inside checkout's transaction; never overwrites an existing order. */
export function putOrderItem(record: OrderRecord): TransactItem {
  return {
    Put: {
      TableName: tableName('orders'),
      Item: record,
      ConditionExpression: 'attribute_not_exists(orderId)',
    },
  };
}

/**
 * An order by id alone, for operations and the warehouse (no ownership: callers are checked before). The byOrderId
 * index is eventually consistent, so it only finds the key; the item itself is read consistently by that key.
 */
export async function readOrderRecordById(orderId: string): Promise<OrderRecord | null> {
  if (!ORDER_ID_PATTERN.test(orderId)) return null;
  const out = await dynamoDoc().send(
    new QueryCommand({
      TableName: tableName('orders'),
      IndexName: ORDER_INDEXES.byOrderId,
      KeyConditionExpression: 'orderId = :o',
      ExpressionAttributeValues: { ':o': orderId },
      ProjectionExpression: 'userId',
      Limit: 1,
    }),
  );
  // A claimed guest order is listed twice for a while (its marker and the account's copy): either key leads to it.
  const userId = (out.Items?.[0] as { userId?: string } | undefined)?.userId;
  return userId ? readOrderRecord(userId, orderId) : null;
}
