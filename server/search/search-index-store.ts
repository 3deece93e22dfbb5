import type { ProductRecord } from '../catalog/types';
import { processSingleton } from '../runtime';
import { ProductSearchIndex } from './product-search-index';
import { scanAllProducts, scanCategoryNames } from './scan-catalog-tables';

// The process-wide index. A process singleton because Next bundles route handlers and instrumentation (where
// the stream consumer starts) separately; module-level state would give each bundle its own index.

export type SearchIndexChange = { type: 'upsert'; record: ProductRecord } | { type: 'remove'; id: string };

type Build = { promise: Promise<ProductSearchIndex>; pending: SearchIndexChange[] };
type Store = {
  index: ProductSearchIndex | null;
  /** When the Scan behind the current index started. */
  builtAt: number;
  /** Until when a stream consumer vouches for the index (renewed on every successful poll). */
  followedUntil: number;
  building: Build | null;
  categoryRefresh: Promise<void> | null;
};

/**
 * An index no stream consumer follows (STREAM_CONSUMERS=off, or a consumer that stopped) would otherwise be
 * as old as the process. Past this age the next search starts a rebuild in the background and is answered
 * from the current index meanwhile.
 */
const UNFOLLOWED_MAX_AGE_MS = 5 * 60_000;

function store(): Store {
  return processSingleton<Store>('search:index-store', () => ({ index: null, builtAt: 0, followedUntil: 0, building: null, categoryRefresh: null }));
}

function startBuild(s: Store): Promise<ProductSearchIndex> {
  const startedAt = Date.now();
  const build: Build = {
    pending: [],
    promise: (async () => {
      const [categories, products] = await Promise.all([scanCategoryNames(), scanAllProducts()]);
      const index = new ProductSearchIndex(categories);
      for (const record of products) index.upsert(record);
      return index;
    })(),
  };
  s.building = build;
  build.promise.then(
    (index) => {
      // A newer build (a forced rebuild) supersedes this one; only the latest may become the index.
      if (s.building !== build) return;
      // Changes that arrived while the Scan ran may or may not be in it; re-applying is idempotent.
      for (const change of build.pending) applyChange(index, change);
      s.index = index;
      s.builtAt = startedAt;
      s.building = null;
    },
    () => {
      if (s.building === build) s.building = null;
    },
  );
  return build.promise;
}

/**
 * The index, built on first use from a full Scan. Concurrent first searches share one build (single flight);
 * a failed build is retried by the next call. Rejects with the DynamoDB error when the tables cannot be read.
 */
export async function ensureSearchIndex(): Promise<ProductSearchIndex> {
  const s = store();
  if (s.index) {
    const now = Date.now();
    if (!s.building && now > s.followedUntil && now - s.builtAt > UNFOLLOWED_MAX_AGE_MS) {
      // A failed refresh keeps the current index; the next search past the age tries again.
      startBuild(s).catch(() => undefined);
    }
    return s.index;
  }
  if (s.building) return s.building.promise;
  return startBuild(s);
}

/**
 * Builds a new index from a fresh Scan and swaps it in when done (searches keep using the old one meanwhile).
 * The stream consumer calls this after taking its shard iterators, so nothing written between the two is lost.
 */
export async function rebuildSearchIndex(): Promise<ProductSearchIndex> {
  return startBuild(store());
}

/** A stream consumer keeps the index current for the next `forMs`: no age-based rebuilds meanwhile. */
export function markSearchIndexFollowed(forMs: number): void {
  const s = store();
  s.followedUntil = Math.max(s.followedUntil, Date.now() + forMs);
}

/** The index if this process has built one; stream handlers leave building to the first search. */
export function currentSearchIndex(): ProductSearchIndex | null {
  return store().index;
}

function applyChange(index: ProductSearchIndex, change: SearchIndexChange): void {
  if (change.type === 'upsert') index.upsert(change.record);
  else index.remove(change.id);
}

async function refreshCategoryNames(index: ProductSearchIndex): Promise<void> {
  const s = store();
  s.categoryRefresh ??= scanCategoryNames()
    .then((categories) => index.setCategoryNames(categories))
    // A name derived from the slug is good enough until the next refresh; search must not fail for it.
    .catch(() => undefined)
    .finally(() => {
      s.categoryRefresh = null;
    });
  return s.categoryRefresh;
}

/** Applies stream changes in order. A process without an index ignores them: its first build will Scan. */
export async function applySearchIndexChanges(changes: SearchIndexChange[]): Promise<void> {
  const s = store();
  const before = s.index;
  // Categories have no stream; a product moving to a brand-new category is the moment to re-read their names.
  if (before && changes.some((c) => c.type === 'upsert' && !before.knowsCategory(c.record.category))) {
    await refreshCategoryNames(before);
  }
  // From here on synchronous, so a build cannot land between queueing the changes and applying them.
  s.building?.pending.push(...changes);
  if (s.index) for (const change of changes) applyChange(s.index, change);
}

/** Tests build indexes from different tables; this forgets the current one. */
export function resetSearchIndexForTests(): void {
  const s = store();
  s.index = null;
  s.builtAt = 0;
  s.followedUntil = 0;
  s.building = null;
  s.categoryRefresh = null;
}
