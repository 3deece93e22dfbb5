import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { DashboardQuery } from './dashboard-queries';
import { decodeRows, type Row } from './decode-rows';
import { withDuckDb } from './duckdb-connection';
import { renderQuery } from './engine-sql';
import { eventsRoot } from './local-lake-writer';

// DuckDB standing in for Athena: the same query text over the local lake's Parquet files.

function hasParquet(root: string): boolean {
  if (!existsSync(root)) return false;
  return readdirSync(root, { recursive: true }).some((f) => String(f).endsWith('.parquet'));
}

export async function runOnDuckDb(lakeDir: string, query: DashboardQuery, params: readonly string[]): Promise<Row[]> {
  const root = eventsRoot(lakeDir);
  const sql = renderQuery(query, { engine: 'duckdb', parquetGlob: hasParquet(root) ? path.join(root, 'dt=*', '*.parquet') : null });
  const rows = await withDuckDb(async (c) => (await c.runAndReadAll(sql, [...params])).getRowObjects());
  return decodeRows(rows, query.columns);
}
