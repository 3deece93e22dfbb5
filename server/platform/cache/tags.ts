// The one registry of cache tags and lifetimes. Catalog reads are cached under these tags; carts, orders and
// sessions are never cached. Writers (the products stream consumer, the importer) invalidate through here. A
// 'use cache' function names one profile below and applyCacheProfile (cache-profile.ts) sets its lifetime and tags
// in one call, so no tag is spelled anywhere else (server/platform/cache/tags-only-here.unit.test.ts).

export const cacheTags = {
  /** Every catalog read: a full re-import can expire the lot. */
  catalog: 'catalog',
  categories: 'catalog:categories',
  product: (productId: string) => `product:${productId}`,
  /** A product read by slug, before its id is known (a miss, too). */
  productSlug: (slug: string) => `product-slug:${slug}`,
  category: (categorySlug: string) => `category:${categorySlug}`,
  /** Listings that span categories (home page, /api/products without a category). */
  listings: 'catalog:listings',
  topSellers: 'top-sellers',
} as const;

/** Lifetimes in seconds, as passed to cacheLife(). Tags do the real invalidation; these bound staleness if a signal is lost. */
const cacheLifetimes = {
  catalog: { stale: 60, revalidate: 300, expire: 3600 },
  categories: { stale: 60, revalidate: 300, expire: 3600 },
} as const;

/** What each cached read is tagged with, and how long it may live: the argument to applyCacheProfile(). */
export const cacheProfiles = {
  categories: { life: cacheLifetimes.categories, tags: () => [cacheTags.catalog, cacheTags.categories] },
  // A product change expires its category and the cross-category listings (tagsForProductChange), so listing
  // entries need no per-product tags.
  productPage: {
    life: cacheLifetimes.catalog,
    tags: (category: string | undefined) => [cacheTags.catalog, category ? cacheTags.category(category) : cacheTags.listings],
  },
  productBySlug: { life: cacheLifetimes.catalog, tags: (slug: string) => [cacheTags.catalog, cacheTags.productSlug(slug)] },
  /** Added once a slug read found the product: its id's changes expire the entry. */
  product: { life: cacheLifetimes.catalog, tags: (productId: string) => [cacheTags.product(productId)] },
  productSlugs: { life: cacheLifetimes.catalog, tags: () => [cacheTags.catalog, cacheTags.listings] },
} as const satisfies Record<string, { life: (typeof cacheLifetimes)[keyof typeof cacheLifetimes]; tags: (...args: never[]) => string[] }>;

export type CacheProfile = keyof typeof cacheProfiles;

/**
 * The shared cache's hold on a catalog page's HTML (`/`, `/c/…`, `/p/…`: CloudFront, Varnish in the bench). Short on
 * purpose: the writers expire tags in Redis, which the origin honours at once, but nothing tells the CDN, so the
 * page a shopper sees may be up to s-maxage + stale-while-revalidate old. 3 + 3 leaves room in the 10 s budget for
 * the products stream's 1 s batching window and its function's run (issue 25; docs/scaling.md "A change within
 * 10 s") without CDN invalidations (ADR 0003); a page under load is still served almost only from the CDN.
 */
export const catalogPageCacheLife = { sMaxAge: 3, staleWhileRevalidate: 3 } as const;

/** The tags a change to one product must expire. */
export function tagsForProductChange(productId: string, categorySlugs: string[]): string[] {
  return [cacheTags.product(productId), cacheTags.listings, cacheTags.categories, ...categorySlugs.map(cacheTags.category)];
}
