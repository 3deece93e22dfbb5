import type { ProductSummary } from '../catalog/contract';
import type { EvaluatedFlags } from '../flags';
import type { Recommendations } from '../recommendations/contract';

// GET /api/shopper: everything per shopper that the islands of a cached catalog page show, in ONE no-store read per
// page view (issue 26 item 4, ADR 0028). The base (name, cart count, flags) is always there; the page's islands ask
// for the rest by name (`include`), and a product page names its product (`productId`) so recommendations are
// "customers also bought" for it and recently viewed leaves it out. Client-safe and free of zod (the catalog pages'
// hash CSP has no 'unsafe-eval', and zod probes for eval when it loads): the browser builds the query with
// shopperQuery(); the route parses it with shopperQuerySchema (shopper-query.ts) over the same SHOPPER_PARTS.

/** The optional parts, each read by one existing domain entry; one that cannot be read is left out, never an error. */
export const SHOPPER_PARTS = ['wishlist', 'recentlyViewed', 'recommendations'] as const;
export type ShopperPart = (typeof SHOPPER_PARTS)[number];

export type ShopperSummary = {
  /** `staff`: a marketer or operations clerk, for the header's "Back office" link (each /admin page checks again). */
  user: { name: string; staff: boolean } | null;
  cartCount: number;
  flags: EvaluatedFlags;
  /** include=wishlist: the products on the shopper's wishlist, for the hearts (ids only: the cards already show the rest). */
  wishlistProductIds?: string[];
  /** include=recentlyViewed: newest first, without `productId`. */
  recentlyViewed?: ProductSummary[];
  /**
   * include=recommendations: "customers also bought" `productId`, or "for you" for a signed-in shopper without one.
   * Absent while the `recommendations` flag is off for this shopper, for a guest without `productId`, or on failure.
   */
  recommendations?: Recommendations;
};

/** The parsed query of GET /api/shopper (shopper-query.ts). */
export type ShopperQuery = { include: ShopperPart[]; productId?: string };

/** What one island needs beyond the base; the provider asks once for the union of every island's needs. */
export type ShopperNeeds = { parts: readonly ShopperPart[]; productId?: string };

/** The union of the islands' needs as the query string of GET /api/shopper ('' for the base alone); stable order. */
export function shopperQuery(needs: Iterable<ShopperNeeds>): string {
  const parts = new Set<ShopperPart>();
  let productId: string | undefined;
  for (const need of needs) {
    for (const p of need.parts) parts.add(p);
    // One page shows one product: the first island that names it decides.
    productId ??= need.productId;
  }
  const params = new URLSearchParams();
  const include = SHOPPER_PARTS.filter((p) => parts.has(p));
  if (include.length > 0) params.set('include', include.join(','));
  // Only the product-scoped parts read it: a page of hearts alone asks the same query wherever it is.
  if (productId && include.some((p) => p !== 'wishlist')) params.set('productId', productId);
  const query = params.toString();
  return query ? `?${query}` : '';
}
