'use client';

import { lazy, Suspense } from 'react';
import type { ProductSummary } from '@/server/catalog/contract';

// The product grid for islands that only have products once the page's shopper read has answered (recommendations,
// recently viewed): its code (cards, hearts, image props) is fetched when there are products to show, not with the
// page (docs/adr/0034). Until it arrives the row says it is loading, under its heading.
const ProductGrid = lazy(() => import('./product-grid').then((m) => ({ default: m.ProductGrid })));

export function LazyProductGrid({ products, label }: { products: ProductSummary[]; label: string }) {
  return (
    <Suspense fallback={<p className="rating">Loading products…</p>}>
      <ProductGrid products={products} label={label} />
    </Suspense>
  );
}
