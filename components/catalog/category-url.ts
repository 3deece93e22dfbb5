import type { CategoryPageState } from '@/server/search';

// A category page's state is its URL (the page is one cached HTML for every shopper): filters, sort and page as
// query parameters, defaults left out so the plain /c/<slug> stays the canonical first page.

export type CategoryState = Pick<CategoryPageState, 'price' | 'minRating' | 'inStock' | 'sort' | 'page'>;

export function categoryHref(base: string, state: CategoryState, change: Partial<CategoryState> = {}): string {
  const next = { ...state, ...change };
  const params = new URLSearchParams();
  if (next.price) params.set('price', next.price);
  if (next.minRating !== undefined) params.set('minRating', String(next.minRating));
  if (next.inStock) params.set('inStock', 'true');
  if (next.sort && next.sort !== 'featured') params.set('sort', next.sort);
  if (next.page && next.page > 1) params.set('page', String(next.page));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
