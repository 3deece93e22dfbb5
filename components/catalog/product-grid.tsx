import type { ProductSummary } from '@/server/catalog/contract';
import { ProductCard } from './product-card';

export function ProductGrid({ products, label, priorityCount = 0 }: { products: ProductSummary[]; label: string; priorityCount?: number }) {
  return (
    <ul className="product-grid" aria-label={label}>
      {products.map((p, i) => (
        <li key={p.id}>
          <ProductCard product={p} priority={i < priorityCount} />
        </li>
      ))}
    </ul>
  );
}
