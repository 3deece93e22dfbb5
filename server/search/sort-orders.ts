import type { SearchSort } from './contract';
import type { SearchEntry } from './search-document';

// The order of every sort option. Every order ends in the product id, so equal products keep the same
// order from one request to the next and offset cursors never skip or repeat a product.

export type RankedEntry = {
  entry: SearchEntry;
  score: number;
  /** How many distinct query terms the product matched; 0 when browsing. */
  termsMatched: number;
};

export type Comparator = (a: RankedEntry, b: RankedEntry) => number;

const byId: Comparator = (a, b) => (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0);
const byFeatured: Comparator = (a, b) => a.entry.featuredRank - b.entry.featuredRank || byId(a, b);
// More of the query's words beats a higher score; then score; then the merchandiser's order.
const byRelevance: Comparator = (a, b) => b.termsMatched - a.termsMatched || b.score - a.score || byFeatured(a, b);

/** Browsing (no words) has no relevance, so "relevance" and every tie fall back to the merchandised order. */
export function comparatorFor(sort: SearchSort, browsing: boolean): Comparator {
  const tieBreak = browsing ? byFeatured : byRelevance;
  switch (sort) {
    case 'relevance':
      return tieBreak;
    case 'price-asc':
      return (a, b) => a.entry.price - b.entry.price || tieBreak(a, b);
    case 'price-desc':
      return (a, b) => b.entry.price - a.entry.price || tieBreak(a, b);
    case 'rating':
      return (a, b) => b.entry.ratingSort - a.entry.ratingSort || tieBreak(a, b);
    case 'newest':
      return (a, b) => (a.entry.createdAt < b.entry.createdAt ? 1 : a.entry.createdAt > b.entry.createdAt ? -1 : tieBreak(a, b));
  }
}
