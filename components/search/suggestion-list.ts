import type { Money } from '@/server/platform/money';
import type { SearchResult } from '@/server/search/contract';
import { searchHref } from './search-url';

// The header type-ahead's logic without React (issue 27): which options a suggestions answer becomes, and how the
// keys move through them. The combobox (search-combobox.tsx) only renders this and wires events.

export type SuggestionOption =
  | { kind: 'correction'; id: string; label: string; href: string }
  | { kind: 'product'; id: string; label: string; href: string; image: string; price: Money }
  | { kind: 'category'; id: string; label: string; href: string; count: number; query: string }
  | { kind: 'search'; id: string; label: string; href: string };

/** Letters needed before the box asks for suggestions (the route answers from two). */
export const MIN_QUERY_LETTERS = 2;
/** Wait this long after the last keystroke: a fast typist asks once per pause, not once per letter. */
export const SUGGEST_DEBOUNCE_MS = 150;
const MAX_CATEGORIES = 3;

/** Whether a typed text is worth asking about: at least two letters or digits once spaces are ignored. */
export function wantsSuggestions(text: string): boolean {
  return text.replace(/[\s\p{P}]+/gu, '').length >= MIN_QUERY_LETTERS;
}

/**
 * The options for one answer, in the order shown: the corrected spelling (when the words as typed found nothing),
 * products, categories (most matches first), then "Search for …" the text as typed, which is what Enter does with
 * nothing highlighted.
 */
export function suggestionOptions(typed: string, result: Pick<SearchResult, 'items' | 'facets' | 'suggestions'>): SuggestionOption[] {
  const corrected = result.suggestions?.didYouMean[0];
  const options: SuggestionOption[] = [];
  if (corrected) options.push({ kind: 'correction', id: 'correction', label: corrected, href: searchHref({ q: corrected }) });
  for (const p of result.items) options.push({ kind: 'product', id: `product-${p.id}`, label: p.name, href: `/p/${p.slug}`, image: p.image, price: p.price });
  const categories = result.facets.category
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count)
    .slice(0, MAX_CATEGORIES);
  const q = corrected ?? typed.trim();
  for (const c of categories)
    options.push({ kind: 'category', id: `category-${c.slug}`, label: c.name, href: searchHref({ q, category: c.slug }), count: c.count, query: q });
  options.push({ kind: 'search', id: 'search', label: typed.trim(), href: searchHref({ q: typed.trim() }) });
  return options;
}

/**
 * The highlighted option after an arrow key: -1 is "none" (the text box itself), and Down and Up wrap through it.
 * Home and End are left to the text box (they move the caret), as the ARIA combobox pattern allows.
 */
export function moveActive(active: number, count: number, key: 'ArrowDown' | 'ArrowUp'): number {
  if (count === 0) return -1;
  if (key === 'ArrowDown') return active >= count - 1 ? -1 : active + 1;
  return active <= -1 ? count - 1 : active - 1;
}

/** What the live region says once an answer is shown. */
export function suggestionsAnnouncement(options: SuggestionOption[]): string {
  const products = options.filter((o) => o.kind === 'product').length;
  const correction = options.find((o) => o.kind === 'correction');
  const found = products === 0 ? 'No products found' : `${products} ${products === 1 ? 'product' : 'products'} suggested`;
  return `${correction ? `Showing suggestions for ${correction.label}. ` : ''}${found}. Use the up and down arrow keys to choose.`;
}
