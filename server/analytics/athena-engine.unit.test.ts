import { AthenaClient, GetQueryExecutionCommand, GetQueryResultsCommand, StartQueryExecutionCommand } from '@aws-sdk/client-athena';
import { FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetAwsClientsForTests } from '../platform/aws/clients';
import { resetConfigForTests } from '../platform/config';
import { runOnAthena, startQueryInput } from './athena-engine';
import { DASHBOARD_QUERIES } from './dashboard-queries';
import { writeFirehoseBatch } from './firehose-writer';
import { toLakeRow } from './lake-columns';

// Athena and Firehose cannot be reached from here (no AWS account; no local stand-in for either), so, as for the
// Personalize and Lex adapters, their request and response mapping is checked against the SDK's shapes. The SQL
// itself is checked on DuckDB (dashboard-queries.unit.test.ts). docs/analytics.md says the same.
const athena = mockClient(AthenaClient);
const firehose = mockClient(FirehoseClient);
const target = { workgroup: 'storefront-prod-analytics', database: 'storefront_prod_analytics', table: 'events' };

beforeEach(() => {
  resetConfigForTests();
  resetAwsClientsForTests();
  athena.reset();
  firehose.reset();
});
afterEach(() => resetAwsClientsForTests());

describe('the Athena engine', () => {
  it('sends the shared SQL over the Glue table, in the workgroup, with the days as quoted parameters', () => {
    const input = startQueryInput(target, DASHBOARD_QUERIES.funnel, ['2026-11-01', '2026-11-30']);
    expect(input.WorkGroup).toBe('storefront-prod-analytics');
    expect(input.QueryExecutionContext).toEqual({ Database: 'storefront_prod_analytics' });
    expect(input.ExecutionParameters).toEqual(["'2026-11-01'", "'2026-11-30'"]);
    expect(input.QueryString).toContain('FROM "storefront_prod_analytics"."events"');
    expect(input.QueryString).not.toContain('{{events}}');
  });

  it('polls until the query succeeds, then maps every result page (header row first) to typed rows', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-1' });
    athena
      .on(GetQueryExecutionCommand)
      .resolvesOnce({ QueryExecution: { Status: { State: 'RUNNING' } } })
      .resolves({ QueryExecution: { Status: { State: 'SUCCEEDED' } } });
    const columnInfo = ['day', 'orders', 'revenue_minor'].map((Name) => ({ Name, Type: 'varchar' }));
    const row = (...cells: string[]) => ({ Data: cells.map((VarCharValue) => ({ VarCharValue })) });
    athena
      .on(GetQueryResultsCommand, { QueryExecutionId: 'q-1', NextToken: undefined })
      .resolves({
        ResultSet: { ResultSetMetadata: { ColumnInfo: columnInfo }, Rows: [row('day', 'orders', 'revenue_minor'), row('2026-11-01', '3', '12000')] },
        NextToken: 't2',
      })
      .on(GetQueryResultsCommand, { QueryExecutionId: 'q-1', NextToken: 't2' })
      .resolves({ ResultSet: { ResultSetMetadata: { ColumnInfo: columnInfo }, Rows: [row('2026-11-02', '1', '999')] } });

    const rows = await runOnAthena(target, DASHBOARD_QUERIES.ordersByDay, ['2026-11-01', '2026-11-02']);
    expect(rows).toEqual([
      { day: '2026-11-01', orders: 3, revenue_minor: 12000 },
      { day: '2026-11-02', orders: 1, revenue_minor: 999 },
    ]);
    expect(athena.commandCalls(GetQueryExecutionCommand)).toHaveLength(2);
  });

  it('answers UNAVAILABLE when Athena fails the query', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-2' });
    athena.on(GetQueryExecutionCommand).resolves({ QueryExecution: { Status: { State: 'FAILED', StateChangeReason: 'TABLE_NOT_FOUND' } } });
    await expect(runOnAthena(target, DASHBOARD_QUERIES.funnel, ['2026-11-01', '2026-11-02'])).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});

describe('the Firehose writer', () => {
  const event = {
    v: 1 as const,
    eventId: '0b5c4b52-7f4e-4d55-9d0e-6f2b1c3a4e5f',
    at: 1_764_547_200_000,
    visitorId: 'v_abcdefghijklmnopqrstuv',
    signedIn: false,
    type: 'product-view' as const,
    productId: 'p1',
  };

  it('sends one JSON line per event with the Glue columns, 500 per call, and resends only the records refused', async () => {
    firehose
      .on(PutRecordBatchCommand)
      .resolvesOnce({
        FailedPutCount: 1,
        RequestResponses: [{ RecordId: 'a' }, { ErrorCode: 'ServiceUnavailableException' }, ...Array(498).fill({ RecordId: 'x' })],
      })
      .resolves({ FailedPutCount: 0, RequestResponses: [] });
    const rows = Array.from({ length: 501 }, () => toLakeRow(event));
    expect(await writeFirehoseBatch('events-stream', rows)).toEqual({ failed: 0 });
    const calls = firehose.commandCalls(PutRecordBatchCommand).map((c) => c.args[0].input);
    expect(calls.map((c) => c.Records?.length)).toEqual([500, 1, 1]);
    expect(calls[0]?.DeliveryStreamName).toBe('events-stream');
    const line = new TextDecoder().decode(calls[0]?.Records?.[0]?.Data);
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toMatchObject({ type: 'product-view', product_id: 'p1', visitor_id: 'v_abcdefghijklmnopqrstuv', order_id: null });
  });
});
