// Public entry of the search domain: full-text product search with facets over an in-memory MiniSearch index,
// built from the products table and kept fresh by the products stream consumer (server/streams/products-stream).
// With SEARCH_ENGINE=opensearch the same searches go to OpenSearch (opensearch-adapter.ts), fed by the same stream
// consumer through applySearchIndexChanges, and the embedded index answers while OpenSearch fails (ADR 0028).
import 'server-only';
import { getConfig } from '../platform/config';
import { AppError, isAppError } from '../platform/errors';
import { logger, logOnce } from '../platform/observability';
import type { SearchParams, SearchResult } from './contract';
import { runSearch } from './run-search';
import { scanAllProducts } from './scan-catalog-tables';
import { applySearchIndexChanges as applyEmbeddedChanges, ensureSearchIndex, type SearchIndexChange } from './search-index-store';
import { spellingCorrection, suggestSearch } from './suggest-search';

export type {
  SearchParams,
  SearchResult,
} from './contract';
export { SEARCH_DEFAULT_LIMIT, SEARCH_SORTS } from './contract';
export type { SearchIndexChange } from './search-index-store';
export {
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
  SEARCH_LIST_PARAMS,
  searchPageQuerySchema,
  searchQuerySchema,
} from './search-query';
export { SUGGEST_LIMIT } from './suggest-search';

// Loaded only when configured: the embedded default never evaluates the OpenSearch client.
const openSearch = () => import('./opensearch-adapter');

const outages = logOnce('search', logger.child({ component: 'search' }));

/**
 * Searches the catalog. Builds the index on first use (one Scan, shared by concurrent callers), so it works
 * whether or not the stream consumer runs in this process. Errors: VALIDATION_FAILED, INVALID_CURSOR (400);
 * UNAVAILABLE (503) while the products table cannot be read.
 */
export async function searchProducts(params: SearchParams): Promise<SearchResult> {
  if (getConfig().SEARCH_ENGINE === 'opensearch') {
    try {
      const { searchOpenSearch } = await openSearch();
      const result = await searchOpenSearch(params);
      outages.recovered('opensearch');
      return result;
    } catch (err) {
      // A bad parameter is the caller's, whichever engine: the same 400 the embedded engine gives.
      if (isAppError(err)) throw err;
      outages.log('opensearch', 'OpenSearch search failed; answering from the embedded index', { err: String(err) }, 'error');
    }
  }
  return searchEmbedded(params);
}

async function searchEmbedded(params: SearchParams): Promise<SearchResult> {
  return runSearch(await searchIndex(), params);
}

/** The embedded index (type-ahead reads it whichever engine answers searches: it is in memory and fast). */
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

/**
 * Applies product changes from the products stream, in order, to this process's embedded index (the default engine,
 * and the fallback and S3 snapshot source when OpenSearch is on) and, with SEARCH_ENGINE=opensearch, to OpenSearch.
 * Rejects when OpenSearch refused a write, so the stream retries the batch (writes by id are idempotent).
 */
export async function applySearchIndexChanges(changes: SearchIndexChange[]): Promise<void> {
  await applyEmbeddedChanges(changes);
  if (getConfig().SEARCH_ENGINE === 'opensearch') await (await openSearch()).applyOpenSearchChanges(changes);
}

/**
 * A batch job, not a request path (scripts/search-reindex.ts, `npm run search:reindex`): creates the OpenSearch index
 * when missing and loads every product from one Scan of the table. Run once for a new collection; the products stream
 * keeps it current afterwards. Resolves with the number of products written.
 */
export async function reindexOpenSearch(): Promise<number> {
  const { indexAllInOpenSearch } = await openSearch();
  return indexAllInOpenSearch(await scanAllProducts());
}
