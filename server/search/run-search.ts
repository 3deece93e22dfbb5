import type { ProductSummary } from '../catalog/contract';
import { AppError } from '../platform/errors';
import {
  SEARCH_DEFAULT_LIMIT,
  SEARCH_MAX_LIMIT,
  SEARCH_MAX_QUERY_LENGTH,
  SEARCH_SORTS,
  type SearchParams,
  type SearchResult,
  type SearchSort,
} from './contract';
import { filterAndCountFacets, popularCategories, type SearchFilters } from './facet-counts';
import type { ProductSearchIndex } from './product-search-index';
import { decodeSearchCursor, encodeSearchCursor, searchFingerprint } from './search-cursor';
import type { SearchEntry } from './search-document';
import { comparatorFor, type RankedEntry } from './sort-orders';
import { queryTerms } from './text-matching';

// One search against a built index: text match → filters and facets → sort → page. Pure and synchronous,
// so unit tests drive it with fixture indexes and the route pays no I/O once the index exists.

/** Values one brand, size or colour filter may list. */
const MAX_VALUES = 30;

function invalid(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message);
}

/** The route validates with zod first; these checks keep other callers (pages, the assistant) honest too. */
function checkParams(params: SearchParams): { sort: SearchSort; limit: number; filters: SearchFilters } {
  const sort = params.sort ?? 'relevance';
  if (!SEARCH_SORTS.includes(sort)) throw invalid(`sort must be one of ${SEARCH_SORTS.join(', ')}.`);
  const limit = params.limit ?? SEARCH_DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > SEARCH_MAX_LIMIT) {
    throw invalid(`limit must be an integer from 1 to ${SEARCH_MAX_LIMIT}.`);
  }
  if (params.q.length > SEARCH_MAX_QUERY_LENGTH) throw invalid(`q must be at most ${SEARCH_MAX_QUERY_LENGTH} characters.`);
  for (const key of ['minPrice', 'maxPrice'] as const) {
    const v = params[key];
    if (v !== undefined && (!Number.isSafeInteger(v) || v < 0)) throw invalid(`${key} must be a whole number of cents, 0 or more.`);
  }
  if (params.minPrice !== undefined && params.maxPrice !== undefined && params.minPrice > params.maxPrice) {
    throw invalid('minPrice must not be greater than maxPrice.');
  }
  if (params.minRating !== undefined && !(params.minRating >= 0 && params.minRating <= 5)) {
    throw invalid('minRating must be from 0 to 5.');
  }
  if (params.page !== undefined && !(Number.isSafeInteger(params.page) && params.page >= 1)) throw invalid('page must be a whole number, 1 or more.');
  for (const key of ['brand', 'size', 'colour'] as const) {
    const values = params[key];
    if (values !== undefined && (values.length > MAX_VALUES || values.some((v) => typeof v !== 'string' || v.length === 0 || v.length > 80))) {
      throw invalid(`${key} must be at most ${MAX_VALUES} values of 1 to 80 characters.`);
    }
  }
  const filters: SearchFilters = {
    category: params.category || undefined,
    minPrice: params.minPrice,
    maxPrice: params.maxPrice,
    minRating: params.minRating,
    inStock: params.inStock === true ? true : undefined,
    // Sorted and de-duplicated: the same choice in another order is the same question (and the same cursor).
    ...(params.brand?.length ? { brand: [...new Set(params.brand)].sort() } : {}),
    ...(params.size?.length ? { size: [...new Set(params.size)].sort() } : {}),
    ...(params.colour?.length ? { colour: [...new Set(params.colour)].sort() } : {}),
  };
  return { sort, limit, filters };
}

/** The card of an entry: with colours chosen, the picture of the first chosen colour the product comes in. */
function shownAs(entry: SearchEntry, colours: readonly string[] | undefined): ProductSummary {
  if (!colours?.length || !entry.colourImages) return entry.summary;
  const colour = entry.colours.find((c) => colours.includes(c) && entry.colourImages?.[c]);
  return colour ? { ...entry.summary, image: entry.colourImages[colour] as string } : entry.summary;
}

/** One search, checked and resolved: what every engine (this one, server/search/opensearch) runs. */
export type SearchPlan = {
  text: string;
  browsing: boolean;
  sort: SearchSort;
  limit: number;
  offset: number;
  filters: SearchFilters;
  fingerprint: string;
};

export function planSearch(params: SearchParams): SearchPlan {
  const { sort, limit, filters } = checkParams(params);
  // The processed terms, not the raw string, identify the search: "Red  Shoes" and "red shoes" share cursors.
  const text = queryTerms(params.q).join(' ');
  const fingerprint = searchFingerprint({ q: text, sort, ...filters });
  const offset = params.cursor ? decodeSearchCursor(params.cursor, fingerprint) : ((params.page ?? 1) - 1) * limit;
  return { text, browsing: text === '', sort, limit, offset, filters, fingerprint };
}

export function runSearch(index: ProductSearchIndex, params: SearchParams): SearchResult {
  const { text, browsing, sort, limit, offset, filters, fingerprint } = planSearch(params);

  // Browsing walks the index's cached whole-catalog order, so only text matches need sorting here.
  const candidates: readonly RankedEntry[] = browsing ? index.browse(sort) : index.matchText(text);
  const categoryName = (slug: string) => index.categoryName(slug);
  const { hits, facets } = filterAndCountFacets(candidates, filters, categoryName);
  if (!browsing) hits.sort(comparatorFor(sort, false));
  const page = hits.slice(offset, offset + limit);
  const end = offset + page.length;
  const result: SearchResult = {
    items: page.map((h) => shownAs(h.entry, filters.colour)),
    total: hits.length,
    facets,
    nextCursor: end < hits.length ? encodeSearchCursor(end, fingerprint) : null,
  };
  if (hits.length === 0) {
    result.suggestions = {
      // Corrections only help when the words themselves found nothing; if filters emptied the page, the
      // facets already show which filter to relax.
      didYouMean: !browsing && candidates.length === 0 ? index.suggestQueries(text) : [],
      popularCategories: popularCategories(index.all(), categoryName),
    };
  }
  return result;
}
