import { VALUE_LEGENDS } from '@/components/catalog/category-filters';
import { type FilterChip, FilterChips } from '@/components/catalog/filter-chips';
import type { SearchFacets } from '@/server/search/contract';
import { SEARCH_VALUE_FILTERS, type SearchState, searchHref, toggleValue } from './search-url';

/**
 * The results page's filters in force as removable chips, and "Clear all" (which keeps the words and the sort):
 * links (components/catalog/filter-chips.tsx, shared with the category page), so they work without JavaScript.
 */
export function SearchActiveFilters({ facets, state }: { facets: SearchFacets; state: SearchState }) {
  const chips: FilterChip[] = [];
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
  return <FilterChips chips={chips} clearHref={searchHref({ q: state.q, sort: state.sort })} />;
}
