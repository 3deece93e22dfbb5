import { AccountMenu } from '@/components/account/account-menu';
import { AssistantWidget } from '@/components/assistant/assistant-widget';
import { CartLink } from '@/components/cart/cart-link';
import { HeaderMenu } from '@/components/layout/header-menu';
import { IntentLink } from '@/components/layout/intent-link';
import { SearchCombobox } from '@/components/search/search-combobox';
import type { Category } from '@/server/catalog/contract';

/** The header search box's id: its label points at it, and the results page fills it in (SearchBoxValue). */
export const SITE_SEARCH_INPUT_ID = 'site-search';

export function SiteHeader({ categories, activeCategory, query }: { categories: Category[]; activeCategory?: string; query?: string }) {
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <IntentLink href="/" className="logo">
          Trail<span>&amp;</span>Table
        </IntentLink>
        {/* biome-ignore lint/a11y/useSemanticElements: role="search" on the form itself gives the same landmark without a <search> wrapper, which would become the styled flex child instead of the form */}
        <form className="search-form" role="search" aria-label="Product search" action="/search" method="get">
          <label htmlFor={SITE_SEARCH_INPUT_ID} className="visually-hidden">
            Search products
          </label>
          <SearchCombobox inputId={SITE_SEARCH_INPUT_ID} defaultValue={query} />
          <button className="button" type="submit">
            Search
          </button>
        </form>
        {/* The assistant's launcher: docked in the first row on a phone, before Cart (nothing scrolls under the
            header, so it covers no control), floating in the corner from 600px (app/globals.css "assistant"). Its
            own grid cell, outside the Account links, so its panel inherits none of their styles; Cart and Menu keep
            their places when it appears after /api/shopper answers. */}
        <AssistantWidget />
        <nav aria-label="Account" className="header-links">
          {/* Wide screens: every link in the row. Phones: Cart in the row, the rest under Menu, so nothing in the
              row is cut off at 390 px (HeaderMenu; CSS switches at 600 px). */}
          <IntentLink href="/stores" className="header-links__wide">
            Stores
          </IntentLink>
          <IntentLink href="/orders" className="header-links__wide">
            Orders
          </IntentLink>
          <IntentLink href="/wishlist" className="header-links__wide">
            Wishlist
          </IntentLink>
          <CartLink />
          <span className="header-links__wide">
            <AccountMenu />
          </span>
          <HeaderMenu>
            <IntentLink href="/stores">Stores</IntentLink>
            <IntentLink href="/orders">Orders</IntentLink>
            <IntentLink href="/wishlist">Wishlist</IntentLink>
            <AccountMenu />
          </HeaderMenu>
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
