import { AccountMenu } from '@/components/account/account-menu';
import { CartLink } from '@/components/cart/cart-link';
import { IntentLink } from '@/components/layout/intent-link';
import type { Category } from '@/server/catalog/contract';

export function SiteHeader({ categories, activeCategory, query }: { categories: Category[]; activeCategory?: string; query?: string }) {
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <IntentLink href="/" className="logo">
          Trail<span>&amp;</span>Table
        </IntentLink>
        {/* biome-ignore lint/a11y/useSemanticElements: role="search" on the form itself gives the same landmark without a <search> wrapper, which would become the styled flex child instead of the form */}
        <form className="search-form" role="search" aria-label="Product search" action="/search" method="get">
          <label htmlFor="site-search" className="visually-hidden">
            Search products
          </label>
          <input id="site-search" type="search" name="q" placeholder="Search products" defaultValue={query} maxLength={200} />
          <button className="button" type="submit">
            Search
          </button>
        </form>
        <nav aria-label="Account" className="header-links">
          <IntentLink href="/stores">Stores</IntentLink>
          <IntentLink href="/orders">Orders</IntentLink>
          <IntentLink href="/wishlist">Wishlist</IntentLink>
          <CartLink />
          <AccountMenu />
        </nav>
      </div>
      <nav aria-label="Categories" className="category-nav">
        <ul>
          {categories.map((c) => (
            <li key={c.slug}>
              <IntentLink href={`/c/${c.slug}`} aria-current={activeCategory === c.slug ? 'page' : undefined}>
                {c.name}
              </IntentLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
