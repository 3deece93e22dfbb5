'use client';

import { LazyProductGrid } from '@/components/catalog/lazy-product-grid';
import { useShopperNeeds } from '@/components/shopper/shopper-context';

/**
 * The shopper's recently viewed products: part of the page's one no-store shopper read (GET /api/shopper?include=
 * recentlyViewed, ADR 0028), so the cached page around it is the same for everyone and shows nothing of anyone.
 * Renders nothing until there is something to show.
 */
const PARTS = ['recentlyViewed'] as const;

export function RecentlyViewed({ excludeProductId }: { excludeProductId?: string }) {
  const items = useShopperNeeds(PARTS, excludeProductId)?.recentlyViewed ?? [];
  if (items.length === 0) return null;
  return (
    <section className="section" aria-labelledby="recently-viewed-heading">
      <h2 id="recently-viewed-heading">Recently viewed</h2>
      <LazyProductGrid products={items} label="Recently viewed products" />
    </section>
  );
}
