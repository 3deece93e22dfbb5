// Public entry of the search domain: full-text product search with facets over an in-memory MiniSearch index,
// built from the products table and kept fresh by the products stream consumer (server/streams/products-stream).
import 'server-only';
import { AppError } from '../platform/errors';
import { logger, logOnce } from '../platform/observability';
import type { SearchParams, SearchResult } from './contract';
import { runSearch } from './run-search';
import { ensureSearchIndex } from './search-index-store';
import { spellingCorrection, suggestSearch } from './suggest-search';

export type {
  SearchParams,
  SearchResult,
} from './contract';
export { SEARCH_DEFAULT_LIMIT, SEARCH_SORTS } from './contract';
export type { SearchIndexChange } from './search-index-store';
export {
  applySearchIndexChanges,
  ensureSearchIndex,
  markSearchIndexFollowed,
  prepareSearchSnapshotWriter,
  rebuildSearchIndex,
  scheduleSearchSnapshot,
} from './search-index-store';
export {
  CATEGORY_PAGE_SORTS,
  type CategoryPageState,
  categoryPageQuerySchema,
  categoryPageSearch,
  searchPageQuerySchema,
  searchQuerySchema,
} from './search-query';
export { SUGGEST_LIMIT } from './suggest-search';

const outages = logOnce('search', logger.child({ component: 'search' }));

/**
 * Searches the catalog. Builds the index on first use (one Scan, shared by concurrent callers), so it works
 * whether or not the stream consumer runs in this process. Errors: VALIDATION_FAILED, INVALID_CURSOR (400);
 * UNAVAILABLE (503) while the products table cannot be read.
 */
export async function searchProducts(params: SearchParams): Promise<SearchResult> {
  return runSearch(await searchIndex(), params);
}

async function searchIndex() {
  const index = await ensureSearchIndex().catch((err: unknown) => {
    outages.log('index-build', 'search index build failed', { err: String(err) }, 'error');
    throw new AppError('UNAVAILABLE', 'Search is not available right now. Please try again shortly.');
  });
  outages.recovered('index-build');
  return index;
}

/**
 * The header's type-ahead: the best few products and their categories for a half-typed query, corrected when the
 * words as typed find nothing (`suggestions.didYouMean[0]` is then the query the items are for). Same errors as
 * searchProducts.
 */
export async function suggestProducts(q: string, limit?: number): Promise<SearchResult> {
  return suggestSearch(await searchIndex(), q, limit);
}

/** The corrected spelling a typo-tolerant search actually used ("hedphones" → "headphones"), or null. */
export async function searchedFor(q: string): Promise<string | null> {
  return spellingCorrection(await searchIndex(), q);
}
