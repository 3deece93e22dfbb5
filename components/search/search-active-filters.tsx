import { VALUE_LEGENDS } from '@/components/catalog/category-filters';
import { IntentLink } from '@/components/layout/intent-link';
import type { SearchFacets } from '@/server/search/contract';
import { SEARCH_VALUE_FILTERS, type SearchState, searchHref, toggleValue } from './search-url';

/**
 * The results page's filters in force as removable chips, and "Clear all" (which keeps the words and the sort):
 * links, like the category page's (components/catalog/category-filters.tsx), so they work without JavaScript.
 */
export function SearchActiveFilters({ facets, state }: { facets: SearchFacets; state: SearchState }) {
  const chips: { label: string; href: string }[] = [];
  if (state.category) {
    const name = facets.category.find((c) => c.slug === state.category)?.name ?? state.category;
    chips.push({ label: name, href: searchHref(state, { category: undefined }) });
  }
  if (state.minPrice !== undefined || state.maxPrice !== undefined) {
    const band = facets.price.find((b) => b.min === state.minPrice && (b.max ?? undefined) === state.maxPrice);
    chips.push({ label: band?.label ?? 'Price', href: searchHref(state, { minPrice: undefined, maxPrice: undefined }) });
  }
  if (state.minRating !== undefined) {
    const label = facets.rating.find((r) => r.min === state.minRating)?.label ?? `${state.minRating} stars & up`;
    chips.push({ label, href: searchHref(state, { minRating: undefined }) });
  }
  if (state.inStock) chips.push({ label: 'In stock only', href: searchHref(state, { inStock: undefined }) });
  for (const key of SEARCH_VALUE_FILTERS) {
    for (const value of state[key] ?? []) {
      chips.push({ label: `${VALUE_LEGENDS[key]}: ${value}`, href: searchHref(state, toggleValue(state, key, value)) });
    }
  }
  if (chips.length === 0) return null;
  return (
    <nav className="active-filters" aria-label="Active filters">
      <ul>
        {chips.map((c) => (
          <li key={c.label}>
            <IntentLink className="chip" href={c.href}>
              <span className="visually-hidden">Remove filter: </span>
              {c.label} <span aria-hidden="true">✕</span>
            </IntentLink>
          </li>
        ))}
        <li>
          <IntentLink href={searchHref({ q: state.q, sort: state.sort })}>Clear all</IntentLink>
        </li>
      </ul>
    </nav>
  );
}
