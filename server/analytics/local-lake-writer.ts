import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBAppender } from '@duckdb/node-api';
import { withDuckDb } from './duckdb-connection';
import { LAKE_COLUMNS, type LakeRow } from './lake-columns';

// The local lake: each flushed batch becomes one Parquet file per day it spans, under
// <lake>/events/dt=YYYY-MM-DD/events-<uuid>.parquet, the same layout Firehose gives S3 on AWS. DuckDB writes the
// files (COPY … PARTITION_BY), so they are real Parquet that Athena, Spark or DuckDB itself can read.

export function eventsRoot(lakeDir: string): string {
  return path.join(lakeDir, 'events');
}

function append(appender: DuckDBAppender, type: string, value: LakeRow[keyof LakeRow]): void {
  if (value === null) appender.appendNull();
  else if (type === 'VARCHAR') appender.appendVarchar(String(value));
  else if (type === 'INTEGER') appender.appendInteger(Number(value));
  else if (type === 'BIGINT') appender.appendBigInt(BigInt(value as number));
  else if (type === 'BOOLEAN') appender.appendBoolean(Boolean(value));
  else if (type === 'DOUBLE') appender.appendDouble(Number(value));
  else throw new Error(`no appender for ${type}`);
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

export async function writeLakeBatch(lakeDir: string, rows: readonly (LakeRow & { dt: string })[]): Promise<void> {
  if (rows.length === 0) return;
  const root = eventsRoot(lakeDir);
  mkdirSync(root, { recursive: true });
  const columns = [...LAKE_COLUMNS, { name: 'dt', duckdb: 'VARCHAR' } as const];
  await withDuckDb(async (c) => {
    await c.run(`CREATE OR REPLACE TEMP TABLE lake_batch (${columns.map((col) => `${col.name} ${col.duckdb}`).join(', ')})`);
    try {
      const appender = await c.createAppender('lake_batch');
      for (const row of rows) {
        for (const col of columns) append(appender, col.duckdb, row[col.name as keyof typeof row]);
        appender.endRow();
      }
      appender.closeSync();
      // APPEND with a uuid file name: earlier files (from this process or another) are never overwritten.
      await c.run(`COPY lake_batch TO ${quote(root)} (FORMAT parquet, PARTITION_BY (dt), APPEND, FILENAME_PATTERN 'events-{uuid}')`);
    } finally {
      await c.run('DROP TABLE IF EXISTS lake_batch');
    }
  });
}
