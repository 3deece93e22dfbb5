import { z } from 'zod';
import { queryMergedPage, queryUpTo } from '../platform/db';
import { ORDER_INDEXES, statusPartitions, tableName } from '../platform/db/tables';
import { decodeCursor, encodeCursor } from '../platform/pagination';
import type { OrderRecord, OrderStatus, OrderSummary } from './contract';
import { ORDER_STATUSES } from './operations-input';
import { ORDER_ID_PATTERN } from './order-id';
import { findOrderIdByNumber, normaliseOrderNumber } from './order-number';
import { toOrderSummary } from './to-order';

// The operations console's search, newest first in every mode, never a Scan: by order id (byOrderId), by email
// (byEmail), by status (byStatus: each status is STATUS_SHARDS partitions, ADR 0033), or every order — the byStatus
// partitions of every status, merged on the order id (ids are unique and sort by time, so the merge is newest first
// across the whole table). A status with an id or an email is a filter on that query. The cursor is the last order id
// shown: each next page asks every partition for ids below it, so it stays valid whatever the mode and however many
// statuses and shards there are.

export type OrderSearch = { status?: OrderStatus; q?: string; cursor?: string; limit: number };
export type OrderSearchItem = OrderSummary & { email: string };

// Checked when compiled: a status missing from ORDER_STATUSES would silently drop its orders from the unfiltered list.
type Unlisted = Exclude<OrderStatus, (typeof ORDER_STATUSES)[number]>;
const EVERY_STATUS: [Unlisted] extends [never] ? readonly OrderStatus[] : never = ORDER_STATUSES;

const cursorSchema = z.object({ b: z.string().regex(ORDER_ID_PATTERN) });

type SearchTerm = { kind: 'orderId'; orderId: string } | { kind: 'email'; email: string } | { kind: 'none' };

/**
 * What the console's one search box means: an order id, an order number (`TT-4KQ7PX`, resolved to its id by one
 * GetItem; a number no order has finds nothing, never a Scan), or an email address.
 */
async function classify(q: string | undefined): Promise<SearchTerm | null> {
  const term = q?.trim();
  if (!term) return { kind: 'none' };
  if (ORDER_ID_PATTERN.test(term)) return { kind: 'orderId', orderId: term };
  if (!term.includes('@') && normaliseOrderNumber(term)) {
    const orderId = await findOrderIdByNumber(term);
    return orderId ? { kind: 'orderId', orderId } : null;
  }
  return { kind: 'email', email: term.toLowerCase() };
}

type IndexQuery = { index: string; keyCondition: string; names: Record<string, string>; values: Record<string, unknown>; filter?: string };

// Reads one index newest first until `want` items passed the filter (a filter can empty a page) or it runs out.
async function readNewestFirst(q: IndexQuery, before: string | undefined, want: number): Promise<OrderRecord[]> {
  const hasRange = q.index !== ORDER_INDEXES.byOrderId;
  const keyCondition = before && hasRange ? `${q.keyCondition} AND orderId < :before` : q.keyCondition;
  const values = before && hasRange ? { ...q.values, ':before': before } : q.values;
  return queryUpTo<OrderRecord>(
    {
      TableName: tableName('orders'),
      IndexName: q.index,
      KeyConditionExpression: keyCondition,
      ...(q.filter ? { FilterExpression: q.filter } : {}),
      ...(Object.keys(q.names).length ? { ExpressionAttributeNames: q.names } : {}),
      ExpressionAttributeValues: values,
      ScanIndexForward: false,
    },
    want,
  );
}

/**
 * The newest `want` orders below `before` in the given statuses: every byStatus partition of each, merged newest first
 * on the order id. Each partition is asked for its share first and for more only if the merge drains it.
 */
async function readStatuses(statuses: readonly OrderStatus[], before: string | undefined, want: number): Promise<OrderRecord[]> {
  const page = await queryMergedPage<OrderRecord>({
    partitions: statuses.flatMap(statusPartitions),
    input: (partition) => ({
      TableName: tableName('orders'),
      IndexName: ORDER_INDEXES.byStatus,
      KeyConditionExpression: before ? 'statusShard = :p AND orderId < :before' : 'statusShard = :p',
      ExpressionAttributeValues: { ':p': partition, ...(before ? { ':before': before } : {}) },
      ScanIndexForward: false,
    }),
    limit: want,
    compare: (a, b) => (a.orderId < b.orderId ? 1 : a.orderId > b.orderId ? -1 : 0),
    keyOf: (r, partition) => ({ statusShard: partition, orderId: r.orderId, userId: r.userId }),
  });
  return page.items;
}

export async function searchOrders(query: OrderSearch): Promise<{ items: OrderSearchItem[]; nextCursor: string | null }> {
  const term = await classify(query.q);
  if (!term) return { items: [], nextCursor: null };
  const before = query.cursor ? decodeCursor(query.cursor, cursorSchema).b : undefined;
  // limit + 1 so nextCursor is null exactly on the last page.
  const want = query.limit + 1;
  const statusFilter: { names: Record<string, string>; values: Record<string, unknown> } = query.status
    ? { names: { '#status': 'status' }, values: { ':status': query.status } }
    : { names: {}, values: {} };
  let records: OrderRecord[];
  if (term.kind === 'orderId') {
    // byOrderId also sees the markers claimed guest orders leave behind (MovedOrderMarker); byEmail and byStatus
    // do not (a marker has neither attribute).
    records = await readNewestFirst(
      {
        index: ORDER_INDEXES.byOrderId,
        keyCondition: 'orderId = :q',
        names: statusFilter.names,
        values: { ':q': term.orderId, ...statusFilter.values },
        filter: ['attribute_not_exists(movedTo)', ...(query.status ? ['#status = :status'] : [])].join(' AND '),
      },
      undefined,
      want,
    );
    if (before) records = [];
  } else if (term.kind === 'email') {
    records = await readNewestFirst(
      {
        index: ORDER_INDEXES.byEmail,
        keyCondition: 'email = :q',
        names: statusFilter.names,
        values: { ':q': term.email, ...statusFilter.values },
        ...(query.status ? { filter: '#status = :status' } : {}),
      },
      before,
      want,
    );
  } else {
    records = await readStatuses(query.status ? [query.status] : EVERY_STATUS, before, want);
  }
  const page = records.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = records.length > query.limit && last ? encodeCursor({ b: last.orderId }) : null;
  return { items: page.map((r) => ({ ...toOrderSummary(r), email: r.email ?? '' })), nextCursor };
}
