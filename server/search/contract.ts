import type { ProductSummary } from '../catalog/contract';

// The search domain's own shapes: what callers pass to searchProducts and what they get back.

export const SEARCH_SORTS = ['relevance', 'price-asc', 'price-desc', 'rating', 'newest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** API.md: list endpoints default to 24 and cap at 100. */
export const SEARCH_DEFAULT_LIMIT = 24;
export const SEARCH_MAX_LIMIT = 100;
export const SEARCH_MAX_QUERY_LENGTH = 200;

export type SearchParams = {
  /** Free text; empty means browse (filters only). */
  q: string;
  /** Category slug. */
  category?: string;
  /** Lowest variant price bounds in minor units, both inclusive. */
  minPrice?: number;
  maxPrice?: number;
  minRating?: number;
  inStock?: boolean;
  /** Brand, size and colour filters: a product passes with any one of the values of each (issue 27). */
  brand?: readonly string[];
  size?: readonly string[];
  colour?: readonly string[];
  sort?: SearchSort;
  cursor?: string;
  /**
   * 1-based page number, for pages that show "Page 2 of 7" (the category pages). A cursor, when given, wins.
   * A page past the end answers no items and the true total.
   */
  page?: number;
  limit?: number;
};

export type CategoryFacet = { slug: string; name: string; count: number };
export type PriceBandFacet = { id: string; label: string; min: number; max: number | null; count: number };
export type RatingFacet = { id: string; label: string; min: number; count: number };
/** One brand, size or colour with how many hits choosing it (too) would give. */
export type ValueFacet = { value: string; count: number };

/**
 * Counts over the text-matched set with every filter applied except the facet's own (disjunctive faceting),
 * so picking one category still shows how many hits the other categories would give.
 */
export type SearchFacets = {
  category: CategoryFacet[];
  price: PriceBandFacet[];
  rating: RatingFacet[];
  inStock: { count: number };
  /**
   * Brands by name; sizes smallest first (XS…XXL, then shoe sizes by number); colours by name. Empty: none in the
   * set; absent: a search backend that does not count them (pages show no such filter then).
   */
  brand?: ValueFacet[];
  size?: ValueFacet[];
  colour?: ValueFacet[];
};

/** Only present when nothing matched: corrected queries from the index vocabulary and the biggest categories. */
export type SearchSuggestions = {
  didYouMean: string[];
  popularCategories: CategoryFacet[];
};

export type SearchResult = {
  items: ProductSummary[];
  total: number;
  facets: SearchFacets;
  nextCursor: string | null;
  suggestions?: SearchSuggestions;
};
