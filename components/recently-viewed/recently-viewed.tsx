'use client';

import { useEffect, useState } from 'react';
import { apiRequest } from '@/components/api/api-request';
import { ProductCard } from '@/components/catalog/product-card';
import type { ProductSummary } from '@/server/catalog/contract';

/**
 * The shopper's recently viewed products: fetched after load from the no-store route, so the cached page around it
 * is the same for everyone and shows nothing of anyone. Renders nothing until there is something to show.
 */
export function RecentlyViewed({ excludeProductId }: { excludeProductId?: string }) {
  const [items, setItems] = useState<ProductSummary[]>([]);
  useEffect(() => {
    const query = excludeProductId ? `?${new URLSearchParams({ exclude: excludeProductId })}` : '';
    let live = true;
    void apiRequest<{ items: ProductSummary[] }>(`/api/recently-viewed${query}`).then((r) => {
      if (live && r.ok) setItems(r.data.items);
    });
    return () => {
      live = false;
    };
  }, [excludeProductId]);
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
