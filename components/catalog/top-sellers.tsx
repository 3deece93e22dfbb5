'use client';

import { useEffect, useState } from 'react';
import { apiRequest } from '@/components/api/api-request';
import { useShopper } from '@/components/shopper/shopper-context';
import type { TopSeller } from '@/server/leaderboard';
import { ProductCard } from './product-card';

// The home page's "Top sellers" section: an island, shown while the `top-sellers` flag is on for this shopper (the
// home page's HTML is shared, so it cannot know) and read from GET /api/top-sellers, which counts every order.

type State = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; items: TopSeller[] };

export function TopSellers() {
  const on = useShopper()?.flags['top-sellers'] ?? false;
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    if (!on) return;
    const abort = new AbortController();
    apiRequest<{ items: TopSeller[] }>('/api/top-sellers', { signal: abort.signal })
      .then((r) => setState(r.ok ? { status: 'ready', items: r.data.items } : { status: 'failed' }))
      .catch(() => {});
    return () => abort.abort();
  }, [on]);
  if (!on) return null;
  return (
    <section className="section" aria-labelledby="top-sellers-title">
      <div className="section__head">
        <h2 id="top-sellers-title">Top sellers</h2>
      </div>
      {state.status === 'loading' ? <p className="rating">Loading top sellers…</p> : null}
      {state.status === 'failed' ? <p className="rating">Top sellers can’t be shown right now.</p> : null}
      {state.status === 'ready' && state.items.length === 0 ? <p>No sales yet — be the first.</p> : null}
      {state.status === 'ready' && state.items.length > 0 ? (
        <ul className="product-grid" aria-label="Top sellers">
          {state.items.map((p) => (
            <li key={p.id}>
              <ProductCard product={p} badge={`${p.sold.toLocaleString('en-US')} sold`} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
