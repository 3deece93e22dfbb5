import { GetQueryExecutionCommand, GetQueryResultsCommand, type GetQueryResultsCommandOutput, StartQueryExecutionCommand } from '@aws-sdk/client-athena';
import { athenaClient } from '../platform/aws/clients';
import { AppError } from '../platform/errors';
import type { DashboardQuery } from './dashboard-queries';
import { decodeRows, type Row } from './decode-rows';
import { renderQuery } from './engine-sql';

// Athena answering the dashboard on AWS: the same query text as DuckDB, over the Glue table. Cannot run here (no
// AWS); its request and response mapping is unit-tested against the SDK's shapes (athena-engine.unit.test.ts).
// Athena's `?` execution parameters are SQL literals, so each day is sent quoted; days are validated
// (date-range.ts) before they get here.

export type AthenaTarget = { workgroup: string; database: string; table: string };

const POLL_MS = 250;
const MAX_WAIT_MS = 20_000;

export function startQueryInput(target: AthenaTarget, query: DashboardQuery, params: readonly string[]) {
  return {
    QueryString: renderQuery(query, { engine: 'athena', database: target.database, table: target.table }),
    WorkGroup: target.workgroup,
    QueryExecutionContext: { Database: target.database },
    ExecutionParameters: params.map((p) => `'${p.replaceAll("'", "''")}'`),
  };
}

/** Rows of Athena result pages as objects keyed by column name; the first row of the first page is the header. */
export function rowsFromResultPages(pages: readonly GetQueryResultsCommandOutput[]): Record<string, string | null>[] {
  const columns = pages[0]?.ResultSet?.ResultSetMetadata?.ColumnInfo?.map((c) => c.Name ?? '') ?? [];
  const cells = pages.flatMap((p) => p.ResultSet?.Rows ?? []).map((r) => (r.Data ?? []).map((d) => d.VarCharValue ?? null));
  return cells.slice(1).map((values) => Object.fromEntries(columns.map((name, i) => [name, values[i] ?? null])));
}

export async function runOnAthena(target: AthenaTarget, query: DashboardQuery, params: readonly string[]): Promise<Row[]> {
  const athena = athenaClient();
  const { QueryExecutionId } = await athena.send(new StartQueryExecutionCommand(startQueryInput(target, query, params)));
  const deadline = Date.now() + MAX_WAIT_MS;
  for (;;) {
    const { QueryExecution } = await athena.send(new GetQueryExecutionCommand({ QueryExecutionId }));
    const state = QueryExecution?.Status?.State;
    if (state === 'SUCCEEDED') break;
    if (state === 'FAILED' || state === 'CANCELLED') {
      throw new AppError('UNAVAILABLE', `The analytics query ${query.name} did not finish (${state}).`, {
        details: { reason: QueryExecution?.Status?.StateChangeReason },
      });
    }
    if (Date.now() > deadline) throw new AppError('UNAVAILABLE', `The analytics query ${query.name} is taking too long. Try a shorter range.`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  const pages: GetQueryResultsCommandOutput[] = [];
  let token: string | undefined;
  do {
    const page = await athena.send(new GetQueryResultsCommand({ QueryExecutionId, NextToken: token }));
    pages.push(page);
    token = page.NextToken;
  } while (token);
  return decodeRows(rowsFromResultPages(pages), query.columns);
}
