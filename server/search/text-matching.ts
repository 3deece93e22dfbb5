import type { CombinationOperator, Options, Query, QueryCombination, SearchOptions } from 'minisearch';
import type { SearchText } from './search-document';

// How text is tokenised, weighted and matched. One place, so indexing and querying cannot drift apart.

// Dropped from queries (not from the index) so "shoes for running" needs "shoes" and "running", not "for".
const QUERY_STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'for', 'of', 'with', 'in', 'on', 'to', 'by', 'or', '&']);

/** Lower case and without accents, so "Café" and "cafe" are the same term. */
export function normaliseTerm(term: string): string {
  return term
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

const SPACE_OR_PUNCTUATION = /[\n\r\p{Z}\p{P}]+/u;

export function tokenise(text: string): string[] {
  return text.split(SPACE_OR_PUNCTUATION).filter((t) => t.length > 0);
}

/** The distinct terms a query searches for, stop words dropped unless nothing else is left. */
export function queryTerms(q: string): string[] {
  const terms = [
    ...new Set(
      tokenise(q)
        .map(normaliseTerm)
        .filter((t) => t.length > 0),
    ),
  ];
  const meaningful = terms.filter((t) => !QUERY_STOP_WORDS.has(t));
  return meaningful.length > 0 ? meaningful : terms;
}

/**
 * Typo tolerance of about one edit in five characters, at least one edit from four characters, at most two:
 * "hedphones" (9) allows 2, "runing" (6) allows 1. Shorter words must match exactly ("red" must not find "bed"),
 * and the cap keeps the fuzzy walk of the term tree cheap.
 */
export function fuzzyDistance(term: string): number {
  if (term.length < 4) return 0;
  return Math.min(2, Math.max(1, Math.round(term.length * 0.2)));
}

/**
 * Swapping two neighbouring letters is the commonest typo, but to Levenshtein it is two edits, more than the
 * one-edit budget of a 4–7 letter word ("rnuning", "sohes"). Those words also look up their adjacent swaps,
 * exactly; from eight letters the two-edit budget covers a swap already.
 */
export function transpositions(term: string): string[] {
  if (fuzzyDistance(term) !== 1) return [];
  const out = new Set<string>();
  for (let i = 0; i < term.length - 1; i++) {
    if (term[i] === term[i + 1]) continue;
    out.add(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
  }
  return [...out];
}

/** A swapped-letter match counts like a fuzzy match (MiniSearch's default fuzzy weight), not like an exact one. */
const TRANSPOSITION_WEIGHT = 0.45;

/**
 * The MiniSearch query for already-processed terms, plus the map from each swap variant back to the term it
 * stands for (so "running" found through "rnuning" counts as the query's word).
 * Prefix matching applies only to the last term, the one still being typed: "head" finds "headphones", but in
 * "blue headphones" the finished word "blue" must not also match "bluetooth".
 */
export function textQuery(terms: string[], combineWith: CombinationOperator): { query: Query; termOf: Map<string, string> } {
  const termOf = new Map<string, string>();
  const queries = terms.map((term, i): QueryCombination => {
    const typed: QueryCombination = { queries: [term], prefix: i === terms.length - 1, fuzzy: fuzzyDistance(term) };
    const swaps = transpositions(term).filter((v) => !terms.includes(v) && !termOf.has(v));
    if (swaps.length === 0) return typed;
    for (const v of swaps) termOf.set(v, term);
    const swapped: QueryCombination = { queries: swaps, prefix: false, fuzzy: false, boostTerm: () => TRANSPOSITION_WEIGHT };
    return { combineWith: 'OR', queries: [typed, swapped] };
  });
  return { query: { combineWith, queries }, termOf };
}

/** Where a word is found decides how much it counts: a name match outranks a passing mention in a description. */
export const FIELD_BOOSTS = {
  name: 5,
  brand: 3,
  categoryName: 2.5,
  tags: 2,
  options: 1.5,
  description: 0.4,
} as const satisfies Record<Exclude<keyof SearchText, 'id'>, number>;

export const searchTextOptions: Options<SearchText> = {
  idField: 'id',
  fields: Object.keys(FIELD_BOOSTS),
  // Nothing stored inside MiniSearch: the index keeps its own compact entry per product.
  storeFields: [],
  tokenize: tokenise,
  processTerm: (term) => normaliseTerm(term) || null,
};

/** Options shared by every part of a textQuery(); fuzzy, prefix and how terms combine are set there. */
export const textSearchOptions: SearchOptions = {
  boost: FIELD_BOOSTS,
  tokenize: tokenise,
  processTerm: (term) => normaliseTerm(term) || null,
};

/**
 * Did-you-mean runs only when the normal search found nothing, so it may be looser: about one edit in three
 * characters (up to three), and every query word must be corrected within the same product.
 */
export const didYouMeanOptions: SearchOptions = {
  combineWith: 'AND',
  fuzzy: (term) => (term.length < 3 ? 0 : Math.min(3, Math.max(1, Math.round(term.length * 0.34)))),
  prefix: false,
  boost: FIELD_BOOSTS,
  tokenize: tokenise,
  processTerm: (term) => normaliseTerm(term) || null,
};
