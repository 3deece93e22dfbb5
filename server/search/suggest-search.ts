import leven from 'leven';
import type { SearchResult } from './contract';
import type { ProductSearchIndex } from './product-search-index';
import { runSearch } from './run-search';
import { fuzzyDistance, queryTerms } from './text-matching';

// The header's type-ahead (issue 27): what a half-typed query would find, in the search's own result shape, so the
// suggestions and GET /api/search cannot disagree about a product. Pure and synchronous like runSearch.

/** Fewer letters than this suggest nothing: two letters match half the catalog. */
export const SUGGEST_MIN_LETTERS = 2;
export const SUGGEST_LIMIT = 6;

/**
 * The word the shopper is probably typing: a vocabulary word whose beginning is within the usual typo budget of
 * the letters typed so far ("hedph" → "headphones": one letter missing). The usual search matches whole words
 * fuzzily and beginnings exactly, never a misspelt beginning, which is what a half-typed word is. Closest first,
 * then the word more products use. Null when nothing is close, or the word is too short to guess from.
 */
export function completeWord(partial: string, vocabulary: ReadonlyMap<string, number>): string | null {
  const budget = fuzzyDistance(partial);
  if (budget === 0) return null;
  let best: { word: string; distance: number; uses: number } | null = null;
  for (const [word, uses] of vocabulary) {
    if (word.length < partial.length - budget) continue;
    // The beginning may be a letter shorter or longer than what was typed (a letter missed or doubled).
    let distance = Number.POSITIVE_INFINITY;
    for (let cut = partial.length - 1; cut <= partial.length + 1; cut++) distance = Math.min(distance, leven(partial, word.slice(0, cut)));
    if (distance > budget) continue;
    if (!best || distance < best.distance || (distance === best.distance && uses > best.uses)) best = { word, distance, uses };
  }
  return best?.word ?? null;
}

/**
 * Suggestions for a query being typed, as a SearchResult: `items` are the best products (their thumbnails and
 * prices), `facets.category` the categories they fall in. When the word being typed (the last) starts no word of
 * the index, the query is corrected (that word completed from the vocabulary, else the did-you-mean of the whole
 * query); if the correction finds products, `items` are for it and `suggestions.didYouMean[0]` names it.
 */
export function suggestSearch(index: ProductSearchIndex, q: string, limit = SUGGEST_LIMIT): SearchResult {
  const result = runSearch(index, { q, limit });
  const terms = queryTerms(q);
  const last = terms.at(-1);
  if (!last || terms.join('').length < SUGGEST_MIN_LETTERS) return result;
  // The word being typed starts some word of the index: the results are for what was typed. (Without this check,
  // "studio hedph" would answer for "studio" alone, the search's fallback when one word of two matches nothing.)
  if (result.total > 0 && index.matchesAsTyped(last)) return result;
  const completed = completeWord(last, index.vocabulary());
  const candidates = [completed ? [...terms.slice(0, -1), completed].join(' ') : null, ...index.suggestQueries(q, 2)];
  for (const corrected of candidates) {
    if (!corrected || corrected === terms.join(' ')) continue;
    const fixed = runSearch(index, { q: corrected, limit });
    if (fixed.total > 0) return { ...fixed, suggestions: { didYouMean: [corrected], popularCategories: [] } };
  }
  return result;
}

/**
 * What the results page says it searched for: the corrected spelling when the words as typed match nothing and
 * the typo-tolerant search found products anyway ("hedphones" → "headphones"), else null.
 */
export function spellingCorrection(index: ProductSearchIndex, q: string): string | null {
  if (queryTerms(q).length === 0 || index.matchesAsTyped(q)) return null;
  return index.suggestQueries(q, 1)[0] ?? null;
}
