'use client';

import { useShopper } from '@/components/shopper/shopper-context';
import type { TopSeller } from '@/server/leaderboard';
import { ProductCard } from './product-card';

// The home page's "Top sellers" section. The list is the same for every shopper, so it is rendered into the home
// page's shared, CDN-cached HTML (ADR 0028: no API call of its own, and as fresh as the page, s-maxage); only
// whether to show it is per shopper (the `top-sellers` flag, from the page's one shopper read), hence an island.
// `items` is null when the leaderboard could not be read while the page was rendered.

export function TopSellers({ items }: { items: TopSeller[] | null }) {
  const on = useShopper()?.flags['top-sellers'] ?? false;
  if (!on) return null;
  return (
    <section className="section" aria-labelledby="top-sellers-title">
      <div className="section__head">
        <h2 id="top-sellers-title">Top sellers</h2>
      </div>
      {items === null ? <p className="rating">Top sellers can’t be shown right now.</p> : null}
      {items?.length === 0 ? <p>No sales yet — be the first.</p> : null}
      {items && items.length > 0 ? (
        <ul className="product-grid" aria-label="Top sellers">
          {items.map((p) => (
            <li key={p.id}>
              <ProductCard product={p} badge={`${p.sold.toLocaleString('en-US')} sold`} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
