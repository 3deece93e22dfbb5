import type { DashboardQuery } from './dashboard-queries';
import { LAKE_COLUMNS } from './lake-columns';

// The one small mapping between the engines: where `{{events}}` is. Everything else in a query's text is the
// same for both.
//   DuckDB: the Parquet files under the local lake, with `dt` read from the folder names as text.
//   Athena: the Glue table (partition projection on `dt`, sst.config.ts).

export type EventsRelation = { engine: 'duckdb'; parquetGlob: string | null } | { engine: 'athena'; database: string; table: string };

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;
const sqlIdentifier = (s: string) => `"${s.replaceAll('"', '""')}"`;

const EMPTY_LAKE = `(SELECT ${[...LAKE_COLUMNS, { name: 'dt', duckdb: 'VARCHAR' }].map((c) => `CAST(NULL AS ${c.duckdb}) AS ${c.name}`).join(', ')} WHERE 1 = 0)`;

export function eventsRelationSql(rel: EventsRelation): string {
  if (rel.engine === 'athena') return `${sqlIdentifier(rel.database)}.${sqlIdentifier(rel.table)}`;
  // No file yet (a fresh stack): an empty relation with the lake's columns, as read_parquet refuses an empty glob.
  if (rel.parquetGlob === null) return EMPTY_LAKE;
  return `read_parquet(${sqlString(rel.parquetGlob)}, hive_partitioning = true, hive_types = {'dt': VARCHAR}, union_by_name = true)`;
}

export function renderQuery(query: DashboardQuery, rel: EventsRelation): string {
  return query.sql.replaceAll('{{events}}', eventsRelationSql(rel));
}
