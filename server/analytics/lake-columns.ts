import type { AnalyticsEvent } from './event-schema';

// The lake's one flat table: one row per event, a column per field of any event type (null where a type has no
// such field), snake_case for Glue and Athena. The DuckDB writer, the Glue table in sst.config.ts and the
// Firehose record all derive from LAKE_COLUMNS; `dt` (the UTC day, YYYY-MM-DD) is the partition, not a column.

export const LAKE_COLUMNS = [
  { name: 'v', duckdb: 'INTEGER', glue: 'int' },
  { name: 'event_id', duckdb: 'VARCHAR', glue: 'string' },
  { name: 'type', duckdb: 'VARCHAR', glue: 'string' },
  { name: 'at_ms', duckdb: 'BIGINT', glue: 'bigint' },
  { name: 'visitor_id', duckdb: 'VARCHAR', glue: 'string' },
  { name: 'signed_in', duckdb: 'BOOLEAN', glue: 'boolean' },
  { name: 'path', duckdb: 'VARCHAR', glue: 'string' },
  { name: 'product_id', duckdb: 'VARCHAR', glue: 'string' },
  { name: 'query', duckdb: 'VARCHAR', glue: 'string' },
  { name: 'result_count', duckdb: 'INTEGER', glue: 'int' },
  { name: 'zero_results', duckdb: 'BOOLEAN', glue: 'boolean' },
  { name: 'quantity', duckdb: 'INTEGER', glue: 'int' },
  { name: 'item_count', duckdb: 'INTEGER', glue: 'int' },
  { name: 'order_id', duckdb: 'VARCHAR', glue: 'string' },
  { name: 'value_minor', duckdb: 'BIGINT', glue: 'bigint' },
  { name: 'currency', duckdb: 'VARCHAR', glue: 'string' },
  { name: 'flag_key', duckdb: 'VARCHAR', glue: 'string' },
  { name: 'flag_variant', duckdb: 'VARCHAR', glue: 'string' },
  { name: 'flag_bucket', duckdb: 'INTEGER', glue: 'int' },
  { name: 'rollout_percent', duckdb: 'DOUBLE', glue: 'double' },
  { name: 'metric', duckdb: 'VARCHAR', glue: 'string' },
  { name: 'metric_value', duckdb: 'DOUBLE', glue: 'double' },
  { name: 'template', duckdb: 'VARCHAR', glue: 'string' },
] as const;

export type LakeColumn = (typeof LAKE_COLUMNS)[number]['name'];
export type LakeRow = Record<LakeColumn, string | number | boolean | null>;

/** The UTC day an event belongs to: its partition. */
export function eventDay(atMs: number): string {
  return new Date(atMs).toISOString().slice(0, 10);
}

export function toLakeRow(e: AnalyticsEvent): LakeRow {
  const row = Object.fromEntries(LAKE_COLUMNS.map((c) => [c.name, null])) as LakeRow;
  row.v = e.v;
  row.event_id = e.eventId;
  row.type = e.type;
  row.at_ms = e.at;
  row.visitor_id = e.visitorId;
  row.signed_in = e.signedIn;
  switch (e.type) {
    case 'page-view':
      row.path = e.path;
      break;
    case 'product-view':
      row.product_id = e.productId;
      break;
    case 'search':
      row.query = e.query;
      row.result_count = e.resultCount;
      row.zero_results = e.zeroResults;
      break;
    case 'add-to-cart':
      row.product_id = e.productId;
      row.quantity = e.quantity;
      break;
    case 'checkout-started':
      row.item_count = e.itemCount;
      break;
    case 'order-placed':
      row.order_id = e.orderId;
      row.value_minor = e.valueMinor;
      row.currency = e.currency;
      row.item_count = e.itemCount;
      break;
    case 'flag-exposure':
      row.flag_key = e.flagKey;
      row.flag_variant = e.variant;
      row.flag_bucket = e.bucket;
      row.rollout_percent = e.rolloutPercent;
      break;
    case 'web-vital':
      row.metric = e.metric;
      row.metric_value = e.value;
      row.template = e.template;
      break;
  }
  return row;
}
