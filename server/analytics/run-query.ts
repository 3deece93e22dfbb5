import { getConfig } from '../platform/config';
import { AppError } from '../platform/errors';
import { runOnAthena } from './athena-engine';
import { flushEvents } from './collector';
import { DASHBOARD_QUERIES, type DashboardQueryName } from './dashboard-queries';
import type { DateRange } from './date-range';
import type { Row } from './decode-rows';
import { runOnDuckDb } from './duckdb-engine';

// Which engine answers: Athena when SST configured a workgroup (AWS), else DuckDB over the local lake.

export async function runDashboardQuery(name: DashboardQueryName, range: DateRange): Promise<Row[]> {
  const query = DASHBOARD_QUERIES[name];
  const params = query.params.map((p) => range[p]);
  const { ANALYTICS_ATHENA_WORKGROUP, ANALYTICS_GLUE_DATABASE, ANALYTICS_GLUE_TABLE, ANALYTICS_LAKE_DIR } = getConfig();
  if (ANALYTICS_ATHENA_WORKGROUP && ANALYTICS_GLUE_DATABASE) {
    return runOnAthena({ workgroup: ANALYTICS_ATHENA_WORKGROUP, database: ANALYTICS_GLUE_DATABASE, table: ANALYTICS_GLUE_TABLE }, query, params);
  }
  if (ANALYTICS_LAKE_DIR) return runOnDuckDb(ANALYTICS_LAKE_DIR, query, params);
  throw new AppError('UNAVAILABLE', 'Analytics is not configured here: no events lake.');
}

/** Locally the dashboard reads in the process that buffers: writing the buffer first makes it current. */
export async function flushBeforeLocalRead(): Promise<void> {
  if (!getConfig().ANALYTICS_ATHENA_WORKGROUP) await flushEvents();
}
