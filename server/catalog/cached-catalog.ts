import { applyCacheProfile } from '../platform/cache/cache-profile';
import type { Category, Product, ProductSort, ProductSummary } from './contract';
import { isPublished, toProduct, toProductSummary } from './map-product';
import { getProductRecordBySlug, listCategoriesWithCounts, listProductSlugs, queryProductPage } from './product-repository';

// Cached catalog reads ('use cache' through server/platform/cache/next-cache-handler.mjs). Catalog data is cached and
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

/** A page of whole published products, newest first (the product feed): the same index and tags as the listings. */
export async function cachedProductDetailsPage(limit: number, cursor: string | undefined): Promise<{ items: Product[]; nextCursor: string | null }> {
  'use cache';
  applyCacheProfile('productPage', undefined);
  const page = await queryProductPage({ sort: 'newest', limit, cursor });
  return { items: page.records.map(toProduct), nextCursor: page.nextCursor };
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
  return listProductSlugs();
}
