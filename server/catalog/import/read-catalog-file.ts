import { readCatalogCsv } from './read-catalog-csv';
import { readCatalogJson } from './read-catalog-json';
import { type ValidationResult, validateCatalogRows } from './validate-catalog-rows';

// File text → validated rows, choosing the reader by extension. Everything a caller needs to print is in the result.

export type CatalogFormat = 'json' | 'csv';

export function catalogFormatOf(fileName: string): CatalogFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}

export function readCatalogFile(text: string, format: CatalogFormat): ValidationResult {
  const { sources, issues } = format === 'csv' ? readCatalogCsv(text) : readCatalogJson(text);
  return validateCatalogRows(sources, issues);
}
