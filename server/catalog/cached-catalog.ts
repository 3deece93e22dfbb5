import { cacheLife, cacheTag } from 'next/cache';
import { cacheLifetimes, cacheTags } from '../cache/tags';
import { toProduct, toProductSummary } from './map-product';
import {
  getProductRecordBySlug,
  listCategoriesWithCounts,
  queryProductPage,
  scanProductSlugs,
} from './product-repository';
import type { Category, Product, ProductSort, ProductSummary } from './types';

// Cached catalog reads ('use cache' through server/cache/next-cache-handler.mjs). Catalog data is cached and
// invalidated by tag; carts, orders and stock checks at checkout never go through here.

export async function cachedCategories(): Promise<Category[]> {
  'use cache';
  cacheLife(cacheLifetimes.categories);
  cacheTag(cacheTags.catalog, cacheTags.categories);
  return listCategoriesWithCounts();
}

export async function cachedProductPage(
  category: string | undefined,
  sort: ProductSort,
  limit: number,
  cursor: string | undefined,
): Promise<{ items: ProductSummary[]; nextCursor: string | null }> {
  'use cache';
  cacheLife(cacheLifetimes.catalog);
  cacheTag(cacheTags.catalog, category ? cacheTags.category(category) : cacheTags.listings);
  // A product change expires its category and the cross-category listings (tagsForProductChange), so
  // listing entries need no per-product tags.
  const page = await queryProductPage({ category, sort, limit, cursor });
  return { items: page.records.map(toProductSummary), nextCursor: page.nextCursor };
}

export async function cachedProductBySlug(slug: string): Promise<Product | null> {
  'use cache';
  cacheLife(cacheLifetimes.catalog);
  cacheTag(cacheTags.catalog, `product-slug:${slug}`);
  const record = await getProductRecordBySlug(slug);
  if (!record) return null;
  cacheTag(cacheTags.product(record.id));
  return toProduct(record);
}

export async function cachedProductSlugs(): Promise<{ slug: string; createdAt: string }[]> {
  'use cache';
  cacheLife(cacheLifetimes.catalog);
  cacheTag(cacheTags.catalog, cacheTags.listings);
  return scanProductSlugs();
}
