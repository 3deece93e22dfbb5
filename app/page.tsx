import { ProductGrid } from '@/components/catalog/product-grid';
import { TopSellers } from '@/components/catalog/top-sellers';
import { IntentLink } from '@/components/layout/intent-link';
import { RecentlyViewed } from '@/components/recently-viewed/recently-viewed';
import { RecommendationsSection } from '@/components/recommendations/recommendations-section';
import { listCategories, listProducts } from '@/server/catalog';
import { getTopSellers } from '@/server/leaderboard';
import { logger } from '@/server/platform/observability';

export const dynamic = 'force-dynamic';

export const metadata = { alternates: { canonical: '/' } };

export default async function HomePage() {
  // The same HTML for every shopper (server/platform/http/catalog-pages.ts). Top sellers are the same for everyone
  // too, so they are in it (shown by an island while the shopper's `top-sellers` flag is on); "for you" and recently
  // viewed come from the page's one shopper read (ADR 0028).
  const [categories, featured, newest, topSellers] = await Promise.all([
    listCategories(),
    listProducts({ sort: 'featured', limit: 12 }),
    listProducts({ sort: 'newest', limit: 6 }),
    // The page renders without them when the leaderboard cannot be read (getTopSellers logs the outage once).
    getTopSellers().then(
      (r) => r.items,
      (err: unknown) => {
        logger.debug('home page: top sellers left out', { err: String(err) });
        return null;
      },
    ),
  ]);
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Gear up, read on, brew better</h1>
        <p>
          Trail shoes to pour-over kettles: {categories.reduce((n, c) => n + c.productCount, 0).toLocaleString('en-US')} products, priced fairly and in stock
          now.
        </p>
        <IntentLink className="button" href="/search?q=&sort=rating">
          Shop top rated
        </IntentLink>
      </section>

      <section className="section" aria-labelledby="featured-title">
        <div className="section__head">
          <h2 id="featured-title">Featured</h2>
        </div>
        <ProductGrid products={featured.items} label="Featured products" priorityCount={2} />
      </section>

      <TopSellers items={topSellers} />

      <RecommendationsSection title="Recommended for you" />

      {/* Per shopper, so a client island over a no-store route: the page itself stays the same for everyone. */}
      <RecentlyViewed />

      <section className="section" aria-labelledby="categories-title">
        <h2 id="categories-title">Shop by category</h2>
        <ul className="category-tiles">
          {categories.map((c) => (
            <li key={c.slug}>
              <IntentLink href={`/c/${c.slug}`}>
                {c.name}
                <small>{c.productCount} products</small>
              </IntentLink>
            </li>
          ))}
        </ul>
      </section>

      <section className="section" aria-labelledby="new-title">
        <h2 id="new-title">New arrivals</h2>
        <ProductGrid products={newest.items} label="New arrivals" />
      </section>
    </>
  );
}
