// Public door of the catalog importer: read a JSON or CSV file, validate it whole, import it.
// Used by the import CLI and the dev launcher's demo seeding (plain Node via tsx, so no 'server-only' here).

export { catalogRowSchema, type CatalogRow, type CatalogVariantRow, type ValidCatalogRow } from './catalog-row-schema';
export { productIdFromSlug } from './product-id';
export { readCatalogJson, jsonSourceRows, type ReadResult } from './read-catalog-json';
export { readCatalogCsv, CSV_COLUMNS } from './read-catalog-csv';
export { writeCatalogCsv } from './write-catalog-csv';
export { readCatalogFile, catalogFormatOf, type CatalogFormat } from './read-catalog-file';
export {
  validateCatalogRows,
  formatIssue,
  CatalogValidationError,
  type ImportIssue,
  type SourceRow,
  type ValidationResult,
} from './validate-catalog-rows';
export { toProductRecord, toCategoryUpserts } from './to-product-record';
export { importCatalog, type ImportCatalogOptions, type ImportProgress, type ImportSummary } from './import-catalog';
export { UnprocessedItemsError } from './batch-write-with-retry';
