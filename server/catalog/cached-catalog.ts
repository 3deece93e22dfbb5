import { applyCacheProfile } from '../cache/cache-profile';
import { isPublished, toProduct, toProductSummary } from './map-product';
import { getProductRecordBySlug, listCategoriesWithCounts, queryProductPage, scanProductSlugs } from './product-repository';
import type { Category, Product, ProductSort, ProductSummary } from './types';

// Cached catalog reads ('use cache' through server/cache/next-cache-handler.mjs). Catalog data is cached and
// invalidated by tag; carts, orders and stock checks at checkout never go through here.

export async function cachedCategories(): Promise<Category[]> {
  'use cache';
  applyCacheProfile('categories');
  return listCategoriesWithCounts();
}

export async function cachedProductPage(
  category: string | undefined,
  sort: ProductSort,
  limit: number,
  cursor: string | undefined,
): Promise<{ items: ProductSummary[]; nextCursor: string | null }> {
  'use cache';
  applyCacheProfile('productPage', category);
  const page = await queryProductPage({ category, sort, limit, cursor });
  return { items: page.records.map(toProductSummary), nextCursor: page.nextCursor };
}

export async function cachedProductBySlug(slug: string): Promise<Product | null> {
  'use cache';
  applyCacheProfile('productBySlug', slug);
  const record = await getProductRecordBySlug(slug);
  if (!record) return null;
  // Tagged by id before the published check, so publishing it again expires the cached "not found".
  applyCacheProfile('product', record.id);
  return isPublished(record) ? toProduct(record) : null;
}

export async function cachedProductSlugs(): Promise<{ slug: string; createdAt: string }[]> {
  'use cache';
  applyCacheProfile('productSlugs');
  return scanProductSlugs();
}
