import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { processSingleton } from '../platform/runtime';

// One in-memory DuckDB per process for the local lake: it writes the Parquet files and queries them. DuckDB keeps
// nothing of its own here (the files are the lake), so a restart loses nothing. One connection, used one statement
// at a time: the writer's temp table and the dashboard's reads never interleave on it.

type Db = { instance: DuckDBInstance; connection: DuckDBConnection; queue: Promise<unknown> };
const db = processSingleton('analytics-duckdb', () => ({ current: null as Promise<Db> | null }));

async function open(): Promise<Db> {
  // Loaded on first use: on AWS (Firehose and Athena) the native module is never needed.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  return { instance, connection: await instance.connect(), queue: Promise.resolve() };
}

/** Runs `work` with the connection, after whatever work was queued before it. */
export async function withDuckDb<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const handle = await (db.current ??= open());
  const run = handle.queue.then(() => work(handle.connection));
  handle.queue = run.catch(() => undefined);
  return run;
}
