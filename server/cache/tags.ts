// The one registry of cache tags and lifetimes. Catalog reads are cached under these tags; carts, orders and
// sessions are never cached. Writers (the products stream consumer, the importer) invalidate through here.

export const cacheTags = {
  /** Every catalog read: a full re-import can expire the lot. */
  catalog: 'catalog',
  categories: 'catalog:categories',
  product: (productId: string) => `product:${productId}`,
  category: (categorySlug: string) => `category:${categorySlug}`,
  /** Listings that span categories (home page, /api/products without a category). */
  listings: 'catalog:listings',
  topSellers: 'top-sellers',
} as const;

/** Lifetimes in seconds, as passed to cacheLife(). Tags do the real invalidation; these bound staleness if a signal is lost. */
export const cacheLifetimes = {
  catalog: { stale: 60, revalidate: 300, expire: 3600 },
  categories: { stale: 60, revalidate: 300, expire: 3600 },
} as const;

/** The tags a change to one product must expire. */
export function tagsForProductChange(productId: string, categorySlugs: string[]): string[] {
  return [cacheTags.product(productId), cacheTags.listings, cacheTags.categories, ...categorySlugs.map(cacheTags.category)];
}
