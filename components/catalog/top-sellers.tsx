import { Suspense } from 'react';
import type { TopSeller } from '@/server/leaderboard';
import { ProductCard } from './product-card';

// The home page's "Top sellers" section. It takes a promise so the page starts the read alongside its others
// and streams this section when it lands, instead of holding the whole page for it. The promise never rejects:
// null means the leaderboard could not be read (logged on the server), and the section says so quietly.

export function TopSellers({ items }: { items: Promise<TopSeller[] | null> }) {
  return (
    <section className="section" aria-labelledby="top-sellers-title">
      <div className="section__head">
        <h2 id="top-sellers-title">Top sellers</h2>
      </div>
      <Suspense fallback={<p className="rating">Loading top sellers…</p>}>
        <TopSellersList items={items} />
      </Suspense>
    </section>
  );
}

async function TopSellersList({ items }: { items: Promise<TopSeller[] | null> }) {
  const list = await items;
  if (list === null) return <p className="rating">Top sellers can’t be shown right now.</p>;
  if (list.length === 0) return <p>No sales yet — be the first.</p>;
  return (
    <ul className="product-grid" aria-label="Top sellers">
      {list.map((p) => (
        <li key={p.id}>
          <ProductCard product={p} badge={`${p.sold.toLocaleString('en-US')} sold`} />
        </li>
      ))}
    </ul>
  );
}
