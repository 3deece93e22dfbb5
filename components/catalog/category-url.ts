import type { CategoryPageState } from '@/server/search';

// A category page's state is its URL (the page is one cached HTML for every shopper): filters, sort and page as
// query parameters, defaults left out so the plain /c/<slug> stays the canonical first page.

export type CategoryState = Pick<CategoryPageState, 'price' | 'minRating' | 'inStock' | 'sort' | 'page'> &
  Partial<Pick<CategoryPageState, 'brand' | 'size' | 'colour'>>;

/** The multi-value filters, in URL order. */
export const VALUE_FILTERS = ['brand', 'size', 'colour'] as const;

export function categoryHref(base: string, state: CategoryState, change: Partial<CategoryState> = {}): string {
  const next = { ...state, ...change };
  const params = new URLSearchParams();
  if (next.price) params.set('price', next.price);
  if (next.minRating !== undefined) params.set('minRating', String(next.minRating));
  if (next.inStock) params.set('inStock', 'true');
  // Sorted, so one choice has one URL (one cached page) whatever order the boxes were ticked in.
  for (const key of VALUE_FILTERS) for (const value of [...new Set(next[key] ?? [])].sort()) params.append(key, value);
  if (next.sort && next.sort !== 'featured') params.set('sort', next.sort);
  if (next.page && next.page > 1) params.set('page', String(next.page));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
