import type { SearchParams } from '@/server/search/contract';

/** Search page state as URL parameters (the search's own fields; sort as the URL spells it); facet links and the pager build on it. */
export type SearchState = Pick<SearchParams, 'q' | 'category' | 'minPrice' | 'maxPrice' | 'minRating' | 'inStock'> & { sort?: string };

export function searchHref(state: SearchState, change: Partial<SearchState> = {}, cursor?: string): string {
  const next = { ...state, ...change };
  const params = new URLSearchParams();
  params.set('q', next.q);
  if (next.category) params.set('category', next.category);
  if (next.minPrice !== undefined) params.set('minPrice', String(next.minPrice));
  if (next.maxPrice !== undefined) params.set('maxPrice', String(next.maxPrice));
  if (next.minRating !== undefined) params.set('minRating', String(next.minRating));
  if (next.inStock) params.set('inStock', 'true');
  if (next.sort && next.sort !== 'relevance') params.set('sort', next.sort);
  if (cursor) params.set('cursor', cursor);
  return `/search?${params.toString()}`;
}
