// Public door of the catalog importer: read a JSON or CSV file, validate it whole, import it.
// Used by the import CLI and the dev launcher's demo seeding (plain Node via tsx, so no 'server-only' here).

export type { CatalogRow } from './catalog-row-schema';
export { type ImportProgress, importCatalog } from './import-catalog';
export { catalogImageSource } from './import-images';
export { productIdFromSlug } from './product-id';
export { catalogFormatOf, readCatalogFile } from './read-catalog-file';
export { CatalogValidationError, formatIssue } from './validate-catalog-rows';
export { writeCatalogCsv } from './write-catalog-csv';
