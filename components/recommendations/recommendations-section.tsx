'use client';

import { LazyProductGrid } from '@/components/catalog/lazy-product-grid';
import { useShopperNeeds } from '@/components/shopper/shopper-context';

// A recommendations row, an island on the cached catalog pages: "customers also bought" for a product, or "for
// you" for the signed-in shopper. Part of the page's one shopper read (GET /api/shopper?include=recommendations,
// ADR 0028), which leaves it out while the `recommendations` flag is off for this shopper; never blocks the page,
// and a part that could not be read renders nothing.

type Props = { productId?: string; title: string };

const PARTS = ['recommendations'] as const;

export function RecommendationsSection({ productId, title }: Props) {
  const recs = useShopperNeeds(PARTS, productId)?.recommendations;
  if (!recs || recs.items.length === 0) return null;
  const id = productId ? 'also-bought-title' : 'for-you-title';
  return (
    <section className="section" aria-labelledby={id} data-source={recs.source}>
      <h2 id={id}>{title}</h2>
      <LazyProductGrid products={recs.items} label={title} />
    </section>
  );
}
