import { stringify } from 'csv-stringify/sync';
import type { CatalogRow } from './catalog-row-schema';
import { CSV_COLUMNS, formatOptionsCell } from './read-catalog-csv';

// Rows → the CSV import format (one line per variant), the inverse of read-catalog-csv.ts. Used by the demo
// generator so a spreadsheet-friendly file can be produced from the same data.

export function writeCatalogCsv(rows: readonly CatalogRow[]): string {
  const lines = rows.flatMap((row) =>
    row.variants.map((variant) => ({
      id: row.id ?? '',
      slug: row.slug,
      name: row.name,
      category: row.category,
      categoryName: row.categoryName,
      categoryDescription: row.categoryDescription ?? '',
      brand: row.brand,
      description: row.description,
      images: row.images.join('|'),
      tags: row.tags.join('|'),
      rating: String(row.rating),
      reviewCount: String(row.reviewCount),
      createdAt: row.createdAt,
      featuredRank: String(row.featuredRank),
      variantId: variant.id,
      options: formatOptionsCell(variant.options),
      price: String(variant.price),
      stock: String(variant.stock),
    })),
  );
  return stringify(lines, { header: true, columns: [...CSV_COLUMNS], record_delimiter: '\n' });
}
