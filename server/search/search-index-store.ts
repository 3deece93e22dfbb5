import type { ProductRecord } from '../catalog/contract';
import { getConfig } from '../platform/config';
import { logger, logOnce } from '../platform/observability';
import { processSingleton } from '../platform/runtime';
import { ProductSearchIndex } from './product-search-index';
import { scanAllProducts, scanCategoryNames } from './scan-catalog-tables';
import { type SnapshotPointer, SnapshotUnusableError } from './search-snapshot';
import { createDebouncedWriter, type DebouncedWriter } from './snapshot-debounce';
import { loadSnapshot, readSnapshotPointer, snapshotsEnabled, writeSnapshot } from './snapshot-store';

// The process-wide index. A process singleton because Next bundles route handlers and instrumentation (where
// the stream consumer starts) separately; module-level state would give each bundle its own index.

export type SearchIndexChange = { type: 'upsert'; record: ProductRecord } | { type: 'remove'; id: string };

type Build = { promise: Promise<ProductSearchIndex>; pending: SearchIndexChange[]; snapshot: SnapshotPointer | null };
type Store = {
  index: ProductSearchIndex | null;
  /** When the index was last known current: its Scan started, or the pointer last named its snapshot. */
  builtAt: number;
  /** The snapshot the index came from or was last written as (null: built from a Scan since). */
  snapshotVersion: string | null;
  /** What the index is as fresh as: its Scan's start, or its snapshot's write time (ms). */
  baseAt: number;
  pointerCheckedAt: number;
  pointerCheck: Promise<void> | null;
  /** Changes applied since the last snapshot this process wrote (re-applied when merging another writer's snapshot). */
  unsnapshotted: SearchIndexChange[];
  writer: DebouncedWriter | null;
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

const log = logger.child({ component: 'search' });
const snapshotProblems = logOnce('search-snapshot', log);

function emptyStore(): Store {
  return {
    index: null,
    builtAt: 0,
    snapshotVersion: null,
    baseAt: 0,
    pointerCheckedAt: 0,
    pointerCheck: null,
    unsnapshotted: [],
    writer: null,
    followedUntil: 0,
    building: null,
    categoryRefresh: null,
  };
}

function store(): Store {
  return processSingleton<Store>('search:index-store', emptyStore);
}

/**
 * Where a build reads from: 'snapshot-or-scan' (a cold start: the pointer's snapshot, else a Scan, saying why),
 * 'scan' (the stream consumer after positioning itself: only a Scan is known to hold everything up to that point),
 * or one pointer (a newer snapshot found later: no Scan if it does not load, the current index stays).
 */
type BuildSource = 'snapshot-or-scan' | 'scan' | { pointer: SnapshotPointer };

async function scanIndex(): Promise<ProductSearchIndex> {
  const [categories, products] = await Promise.all([scanCategoryNames(), scanAllProducts()]);
  const index = new ProductSearchIndex(categories);
  for (const record of products) index.upsert(record);
  return index;
}

async function indexFromPointer(pointer: SnapshotPointer): Promise<ProductSearchIndex> {
  const started = Date.now();
  const index = await loadSnapshot(pointer);
  log.info('search index loaded from a snapshot', { version: pointer.version, products: index.size, bytes: pointer.bytes, ms: Date.now() - started });
  return index;
}

/** The pointer's snapshot, or null (logged with the reason) when the Scan must do. */
async function tryLatestSnapshot(build: Build): Promise<ProductSearchIndex | null> {
  let pointer: SnapshotPointer | null;
  try {
    pointer = await readSnapshotPointer();
    if (!pointer) {
      log.info('search index: no snapshot yet, building from a Scan', { reason: 'no-snapshot' });
      return null;
    }
    const index = await indexFromPointer(pointer);
    build.snapshot = pointer;
    return index;
  } catch (err) {
    const reason = err instanceof SnapshotUnusableError ? err.reason : 'unreadable';
    log.warn('search index: snapshot not usable, building from a Scan', { reason, err: String(err) });
    return null;
  }
}

function startBuild(s: Store, source: BuildSource = 'snapshot-or-scan'): Promise<ProductSearchIndex> {
  const startedAt = Date.now();
  const build: Build = { pending: [], snapshot: null, promise: Promise.resolve(null as unknown as ProductSearchIndex) };
  build.promise = (async () => {
    if (typeof source === 'object') {
      const index = await indexFromPointer(source.pointer);
      build.snapshot = source.pointer;
      return index;
    }
    if (source === 'snapshot-or-scan' && snapshotsEnabled()) {
      const index = await tryLatestSnapshot(build);
      if (index) return index;
    }
    return scanIndex();
  })();
  s.building = build;
  build.promise.then(
    (index) => {
      // A newer build (a forced rebuild) supersedes this one; only the latest may become the index.
      if (s.building !== build) return;
      // Changes that arrived while the Scan ran may or may not be in it; re-applying is idempotent. Another
      // writer's snapshot lacks this process's unwritten changes (they include the pending ones, in order): a writer
      // swapping it in re-applies them, or its next snapshot would drop them.
      for (const change of build.snapshot ? s.unsnapshotted : build.pending) applyChange(index, change);
      s.index = index;
      s.builtAt = startedAt;
      s.snapshotVersion = build.snapshot?.version ?? null;
      s.baseAt = build.snapshot ? Date.parse(build.snapshot.createdAt) : startedAt;
      s.pointerCheckedAt = startedAt;
      s.building = null;
    },
    () => {
      if (s.building === build) s.building = null;
    },
  );
  return build.promise;
}

/** Whether a pointer names a snapshot newer than what the index already holds. */
function isNewer(s: Store, pointer: SnapshotPointer): boolean {
  return pointer.version !== s.snapshotVersion && Date.parse(pointer.createdAt) > s.baseAt;
}

/**
 * An instance no stream reaches follows the pointer instead: a newer snapshot is loaded and swapped in; the same
 * one confirms the index is current; no usable pointer for longer than the unfollowed age means a Scan.
 */
async function checkPointer(s: Store): Promise<void> {
  s.pointerCheckedAt = Date.now();
  let pointer: SnapshotPointer | null = null;
  try {
    pointer = await readSnapshotPointer();
    snapshotProblems.recovered('pointer');
  } catch (err) {
    snapshotProblems.log('pointer', 'search snapshot pointer not readable', { err: String(err) });
  }
  if (s.building) return;
  if (pointer && isNewer(s, pointer)) {
    await startBuild(s, { pointer }).catch((err: unknown) => {
      snapshotProblems.log('load', 'newer search snapshot did not load; keeping the current index', { key: pointer.key, err: String(err) });
    });
  } else if (pointer && pointer.version === s.snapshotVersion) {
    s.builtAt = Date.now();
  } else if (Date.now() - s.builtAt > UNFOLLOWED_MAX_AGE_MS) {
    await startBuild(s, 'scan').catch(() => undefined);
  }
}

/**
 * The index, built on first use: from the latest S3 snapshot when there is one (SEARCH_SNAPSHOT_BUCKET), else from
 * a full Scan. Concurrent first searches share one build (single flight); a failed build is retried by the next
 * call. Rejects with the DynamoDB error when the snapshot is unusable and the tables cannot be read.
 */
export async function ensureSearchIndex(): Promise<ProductSearchIndex> {
  const s = store();
  if (s.index) {
    const now = Date.now();
    if (s.building || now <= s.followedUntil) return s.index;
    if (snapshotsEnabled()) {
      if (!s.pointerCheck && now - s.pointerCheckedAt >= getConfig().SEARCH_SNAPSHOT_POLL_MS) {
        s.pointerCheck = checkPointer(s).finally(() => {
          s.pointerCheck = null;
        });
      }
    } else if (now - s.builtAt > UNFOLLOWED_MAX_AGE_MS) {
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
  return startBuild(store(), 'scan');
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
  if (s.writer || snapshotsEnabled()) s.unsnapshotted.push(...changes);
}

/**
 * One snapshot write. Another writer (a stream Lambda on another shard) may have written since this process's
 * base: then its snapshot is loaded and this process's own unwritten changes applied on top, so neither loses
 * the other's changes (only a write landing between this read of the pointer and this write of it still can).
 */
async function writeCurrentSnapshot(s: Store): Promise<void> {
  if (s.building) await s.building.promise.catch(() => undefined);
  if (!s.index) return;
  const latest = await readSnapshotPointer().catch(() => null);
  if (latest && isNewer(s, latest)) {
    const theirs = await loadSnapshot(latest);
    // Synchronous from here to the swap: no change can slip between the re-apply and the swap.
    for (const change of s.unsnapshotted) applyChange(theirs, change);
    s.index = theirs;
    s.snapshotVersion = latest.version;
    s.baseAt = Date.parse(latest.createdAt);
  }
  const index = s.index;
  const written = s.unsnapshotted.length;
  const pointer = await writeSnapshot(index);
  s.unsnapshotted.splice(0, written);
  if (s.index === index) {
    s.snapshotVersion = pointer.version;
    s.baseAt = Date.parse(pointer.createdAt);
  }
  snapshotProblems.recovered('write');
  log.info('search snapshot written', { key: pointer.key, products: pointer.products, bytes: pointer.bytes });
}

function snapshotWriter(s: Store): DebouncedWriter {
  s.writer ??= createDebouncedWriter({
    intervalMs: getConfig().SEARCH_SNAPSHOT_INTERVAL_MS,
    write: () => writeCurrentSnapshot(s),
    onError: (err) => snapshotProblems.log('write', 'search snapshot write failed; retrying after the interval', { err: String(err) }),
  });
  return s.writer;
}

/**
 * The products stream consumer calls this after every batch it applied (and after a full read): a snapshot of the
 * index follows, debounced (SEARCH_SNAPSHOT_INTERVAL_MS). Without SEARCH_SNAPSHOT_BUCKET nothing happens.
 */
export function scheduleSearchSnapshot(): void {
  if (!snapshotsEnabled()) return;
  snapshotWriter(store()).changed();
}

/**
 * A stream Lambda is the snapshot writer on AWS, and a process without an index ignores changes: so before its first
 * batch it loads the latest snapshot (or scans). Without SEARCH_SNAPSHOT_BUCKET nothing happens.
 */
export async function prepareSearchSnapshotWriter(): Promise<void> {
  if (snapshotsEnabled()) await ensureSearchIndex();
}

/** Resolves once every scheduled snapshot is written; rejects if the last write failed. For a stream Lambda. */
export async function searchSnapshotSettled(): Promise<void> {
  await store().writer?.settled();
}

/** Tests build indexes from different tables; this forgets the current one. */
export function resetSearchIndexForTests(): void {
  const s = store();
  s.writer?.cancel();
  Object.assign(s, emptyStore());
}
