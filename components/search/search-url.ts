import type { SearchParams } from '@/server/search/contract';

/** Search page state as URL parameters (the search's own fields; sort as the URL spells it); facet links and the pager build on it. */
export type SearchState = Pick<SearchParams, 'q' | 'category' | 'minPrice' | 'maxPrice' | 'minRating' | 'inStock' | 'brand' | 'size' | 'colour'> & {
  sort?: string;
};

/** The multi-value filters, in URL order (as a category page's, components/catalog/category-url.ts). */
export const SEARCH_VALUE_FILTERS = ['brand', 'size', 'colour'] as const;

export function searchHref(state: SearchState, change: Partial<SearchState> = {}, cursor?: string): string {
  const next = { ...state, ...change };
  const params = new URLSearchParams();
  params.set('q', next.q);
  if (next.category) params.set('category', next.category);
  if (next.minPrice !== undefined) params.set('minPrice', String(next.minPrice));
  if (next.maxPrice !== undefined) params.set('maxPrice', String(next.maxPrice));
  if (next.minRating !== undefined) params.set('minRating', String(next.minRating));
  if (next.inStock) params.set('inStock', 'true');
  // Sorted, so one choice has one URL whatever order the values were chosen in.
  for (const key of SEARCH_VALUE_FILTERS) for (const value of [...new Set(next[key] ?? [])].sort()) params.append(key, value);
  if (next.sort && next.sort !== 'relevance') params.set('sort', next.sort);
  if (cursor) params.set('cursor', cursor);
  return `/search?${params.toString()}`;
}

/** The state with one value of a list filter ticked or unticked. */
export function toggleValue(state: SearchState, key: (typeof SEARCH_VALUE_FILTERS)[number], value: string): Partial<SearchState> {
  const current = state[key] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { [key]: next.length > 0 ? next : undefined };
}
