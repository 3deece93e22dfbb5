import { logger } from '../platform/observability';
import type { Flag } from './contract';

// The flag set as requests see it: a snapshot kept in memory and re-read from DynamoDB at most once per TTL.
//   - Most requests: no I/O at all, the snapshot is fresh.
//   - First request after the TTL: one refresh for the whole process (single flight); requests wait for it at most
//     `budgetMs`, then get the previous snapshot while it finishes in the background, and once one request has
//     waited out the budget nobody else waits on that refresh. A refresh is abandoned after `loadTimeoutMs`, so a
//     hung connection cannot hold the single flight (and every later refresh) forever.
//   - DynamoDB failing: the last known snapshot is served (stale-on-error), and the built-in defaults when there has
//     never been one. The next attempt waits `retryMs`, so an outage costs one waiting request per retry, not all.
// Propagation bound: a request that starts more than `ttlMs` after a write finished sees it (the snapshot's age is
// counted from when its Scan started, and the Scan is strongly consistent), per instance, while DynamoDB answers
// within the budget. A change made through this instance is visible here at once (invalidate()).

export type FlagSnapshot = {
  flags: ReadonlyMap<string, Flag>;
  /** 'defaults': DynamoDB has not answered since this process started. */
  source: 'dynamodb' | 'defaults';
};

export type FlagCacheOptions = {
  load: (signal: AbortSignal) => Promise<Flag[]>;
  defaults: () => Flag[];
  ttlMs: number;
  budgetMs: number;
  /** A refresh still running after this long is aborted and counts as failed; default 2000. */
  loadTimeoutMs?: number;
  /** Pause after a failed refresh before the next attempt; default min(ttlMs, 1000), at least 100. */
  retryMs?: number;
  /** Milliseconds from any fixed origin; monotonic by default so a wall-clock jump cannot freeze the cache. */
  now?: () => number;
  log?: (event: 'refresh-failed' | 'refresh-recovered', err?: unknown) => void;
};

export type FlagCache = {
  get(): Promise<FlagSnapshot>;
  /** Forget freshness: the next get() reads DynamoDB. Called after this instance writes a flag. */
  invalidate(): void;
};

function defaultLog(event: 'refresh-failed' | 'refresh-recovered', err?: unknown): void {
  if (event === 'refresh-failed') {
    logger.warn('flags: DynamoDB read failed, serving the last known flags', { err: String(err) });
  } else {
    logger.info('flags: DynamoDB reads recovered');
  }
}

export function createFlagCache(opts: FlagCacheOptions): FlagCache {
  const now = opts.now ?? (() => performance.now());
  // Never 0 (a TTL of 0 is allowed for tests): an outage must not make every request wait.
  const retryMs = opts.retryMs ?? Math.min(Math.max(opts.ttlMs, 100), 1_000);
  const log = opts.log ?? defaultLog;

  let snapshot: FlagSnapshot | null = null;
  // Order in which refreshes started: an older read that answers late must not replace a newer one.
  let refreshes = 0;
  let snapshotSeq = 0;
  let fallback: FlagSnapshot | null = null;
  let freshUntil = Number.NEGATIVE_INFINITY;
  // Bumped by invalidate(): a refresh that started before a write must not mark its (older) result fresh.
  let generation = 0;
  let inflight: { generation: number; done: Promise<void>; waitedOut: boolean } | null = null;
  let failing = false;

  function withDefaults(stored: Flag[], source: FlagSnapshot['source']): FlagSnapshot {
    const flags = new Map<string, Flag>();
    // Built-ins first, stored flags over them: a flag added in code works before it is ever seeded.
    for (const flag of opts.defaults()) flags.set(flag.key, flag);
    for (const flag of stored) flags.set(flag.key, flag);
    return { flags, source };
  }

  async function refresh(gen: number): Promise<void> {
    const startedAt = now();
    const seq = ++refreshes;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new Error('flag refresh timed out')), opts.loadTimeoutMs ?? 2_000);
    try {
      const stored = await opts.load(abort.signal);
      // Two refreshes can overlap (one from before an invalidate()).
      if (seq > snapshotSeq) {
        snapshot = withDefaults(stored, 'dynamodb');
        snapshotSeq = seq;
      }
      if (gen === generation) freshUntil = startedAt + opts.ttlMs;
      if (failing) log('refresh-recovered');
      failing = false;
    } catch (err) {
      if (!failing) log('refresh-failed', err);
      failing = true;
      if (gen === generation) freshUntil = now() + retryMs;
    } finally {
      clearTimeout(timer);
    }
  }

  function startRefresh(): NonNullable<typeof inflight> {
    if (inflight && inflight.generation === generation) return inflight;
    const entry = { generation, done: refresh(generation), waitedOut: false };
    inflight = entry;
    // Cleared after settling (a microtask later), never before the assignment above.
    void entry.done.finally(() => {
      if (inflight === entry) inflight = null;
    });
    return entry;
  }

  function waitWithinBudget(entry: NonNullable<typeof inflight>): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        entry.waitedOut = true;
        resolve();
      }, opts.budgetMs);
      void entry.done.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  function current(): FlagSnapshot {
    return snapshot ?? (fallback ??= withDefaults([], 'defaults'));
  }

  return {
    async get() {
      if (now() < freshUntil) return current();
      const entry = startRefresh();
      // This refresh already made one request wait its whole budget: DynamoDB is slow, do not make more wait.
      if (!entry.waitedOut) await waitWithinBudget(entry);
      return current();
    },
    invalidate() {
      generation += 1;
      freshUntil = Number.NEGATIVE_INFINITY;
    },
  };
}
