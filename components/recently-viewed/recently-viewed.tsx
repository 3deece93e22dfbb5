'use client';

import { ProductCard } from '@/components/catalog/product-card';
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
      <ul className="product-grid" aria-label="Recently viewed products">
        {items.map((p) => (
          <li key={p.id}>
            <ProductCard product={p} />
          </li>
        ))}
      </ul>
    </section>
  );
}
