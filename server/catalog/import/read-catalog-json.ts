import { FILE_ROW, formatPath, type ImportIssue, type SourceRow } from './validate-catalog-rows';

// The JSON import format: an array of catalog rows (see catalog-row-schema.ts). Row numbers count array
// elements from 1, the way the generator writes one row per line after the opening bracket.

export type ReadResult = { sources: SourceRow[]; issues: ImportIssue[] };

export function jsonSourceRows(values: readonly unknown[]): SourceRow[] {
  return values.map((value, index) => ({ value, locate: (path) => ({ row: index + 1, field: formatPath(path) }) }));
}

export function readCatalogJson(text: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { sources: [], issues: [{ row: FILE_ROW, field: '', message: `is not valid JSON (${(err as Error).message})` }] };
  }
  if (!Array.isArray(data)) {
    return { sources: [], issues: [{ row: FILE_ROW, field: '', message: 'must be a JSON array of product rows' }] };
  }
  return { sources: jsonSourceRows(data), issues: [] };
}
