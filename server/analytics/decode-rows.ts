import type { ColumnKind } from './dashboard-queries';

// Query answers as plain numbers and strings, whichever engine gave them: DuckDB returns BigInt counts (and could
// return DuckDB value objects), Athena returns every cell as text. Converted here, at the query module's edge.

export type Row = Record<string, string | number>;

function cell(value: unknown, kind: ColumnKind): string | number {
  if (kind === 'text') return value === null || value === undefined ? '' : String(value);
  if (value === null || value === undefined || value === '') return 0;
  const n = typeof value === 'bigint' ? Number(value) : Number(String(value));
  if (!Number.isFinite(n)) throw new Error(`not a number: ${String(value)}`);
  return kind === 'int' ? Math.round(n) : n;
}

export function decodeRows(rows: readonly Record<string, unknown>[], columns: Readonly<Record<string, ColumnKind>>): Row[] {
  return rows.map((raw) => Object.fromEntries(Object.entries(columns).map(([name, kind]) => [name, cell(raw[name], kind)])));
}
