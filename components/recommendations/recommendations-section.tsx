'use client';

import { useEffect, useState } from 'react';
import { apiRequest } from '@/components/api/api-request';
import { ProductGrid } from '@/components/catalog/product-grid';
import { useShopper } from '@/components/shopper/shopper-context';
import type { Recommendations } from '@/server/recommendations';

// A recommendations row, an island on the cached catalog pages: "customers also bought" for a product, or "for
// you" for the signed-in shopper. Read from GET /api/recommendations (no-store) once the shopper summary says the
// `recommendations` flag is on for them; never blocks the page, and a failure renders nothing.

type Props = { productId?: string; title: string };

export function RecommendationsSection({ productId, title }: Props) {
  const shopper = useShopper();
  const wanted = Boolean(shopper?.flags.recommendations && (productId || shopper.user));
  const [recs, setRecs] = useState<Recommendations | null>(null);
  useEffect(() => {
    if (!wanted) return;
    const abort = new AbortController();
    const query = productId ? `?${new URLSearchParams({ productId })}` : '';
    apiRequest<Recommendations>(`/api/recommendations${query}`, { signal: abort.signal })
      .then((r) => setRecs(r.ok ? r.data : null))
      .catch(() => {});
    return () => abort.abort();
  }, [wanted, productId]);
  if (!wanted || !recs || recs.items.length === 0) return null;
  const id = productId ? 'also-bought-title' : 'for-you-title';
  return (
    <section className="section" aria-labelledby={id} data-source={recs.source}>
      <h2 id={id}>{title}</h2>
      <ProductGrid products={recs.items} label={title} />
    </section>
  );
}
