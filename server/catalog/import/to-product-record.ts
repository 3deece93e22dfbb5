import { listAllKey } from '../../platform/db/tables';
import { STORE_CURRENCY } from '../../platform/money';
import type { ProductRecord } from '../contract';
import type { ValidCatalogRow } from './catalog-row-schema';

// A validated row → the item stored in the products table, with the derived attributes the listing indexes sort on.

/** Rating in tenths keeps the key an exact integer (4.3 × 1,000,000 is not exact in floating point). */
export function ratingSortKey(rating: number, reviewCount: number): number {
  return Math.round(rating * 10) * 100_000 + reviewCount;
}

export function toProductRecord(row: ValidCatalogRow): ProductRecord {
  const prices = row.variants.map((v) => v.price);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    category: row.category,
    brand: row.brand,
    description: row.description,
    images: row.images,
    ...(row.imagesByColour && Object.keys(row.imagesByColour).length > 0 ? { imagesByColour: row.imagesByColour } : {}),
    variants: row.variants.map((v) => ({ id: v.id, options: v.options, price: v.price })),
    stock: Object.fromEntries(row.variants.map((v) => [v.id, v.stock])),
    currency: STORE_CURRENCY,
    minPrice: Math.min(...prices),
    rating: row.rating,
    reviewCount: row.reviewCount,
    ratingSort: ratingSortKey(row.rating, row.reviewCount),
    featuredRank: row.featuredRank,
    createdAt: row.createdAt,
    listAll: listAllKey(row.id),
    tags: row.tags,
    // The units go to the stock ledger (ADR 0029); `stock` above is their first copy.
    stockLedger: true,
  };
}

export type CategoryUpsert = { slug: string; name: string; description?: string };

/** One entry per category slug, in first-seen order (validation has already made the rows agree). */
export function toCategoryUpserts(rows: readonly ValidCatalogRow[]): CategoryUpsert[] {
  const bySlug = new Map<string, CategoryUpsert>();
  for (const row of rows) {
    const existing = bySlug.get(row.category);
    if (!existing) {
      bySlug.set(row.category, { slug: row.category, name: row.categoryName, ...(row.categoryDescription ? { description: row.categoryDescription } : {}) });
    } else if (existing.description === undefined && row.categoryDescription) {
      existing.description = row.categoryDescription;
    }
  }
  return [...bySlug.values()];
}
