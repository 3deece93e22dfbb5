import { stringify } from 'csv-stringify/sync';
import type { CatalogRow } from './catalog-row-schema';
import { colourOptionName } from './catalog-row-schema';
import { CSV_COLUMNS, formatOptionsCell } from './read-catalog-csv';

// Rows → the CSV import format (one line per variant), the inverse of read-catalog-csv.ts. Used by the demo
// generator so a spreadsheet-friendly file can be produced from the same data.

export function writeCatalogCsv(rows: readonly CatalogRow[]): string {
  const lines = rows.flatMap((row) => {
    const option = colourOptionName(row.variants);
    return row.variants.map((variant) => ({
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
      colourImages: (option && row.imagesByColour?.[variant.options[option] ?? '']?.join('|')) || '',
    }));
  });
  // The colour pictures' column only when some product has them: a file without them reads as it always did.
  const columns = rows.some((row) => row.imagesByColour) ? [...CSV_COLUMNS] : CSV_COLUMNS.filter((c) => c !== 'colourImages');
  return stringify(lines, { header: true, columns, record_delimiter: '\n' });
}
