import { ttlMemo } from '../platform/runtime';

// Short-lived, per-process memos of the read path: the home page renders top sellers on every request, and a
// few seconds of staleness cost nothing. Shared by Next's bundles (pages, route handlers, and instrumentation
// where the local stream consumer runs); the consumer clears them after counting, so a local order shows up as
// soon as the stream delivers it.

const memo = ttlMemo('leaderboard', { ttlMs: 5_000, max: 100 });

/** The memoised promise for `key`, or a fresh one from `load`. A rejected load is forgotten at once. */
export function memoize<T>(key: string, load: () => Promise<T>): Promise<T> {
  return memo.get(key, load);
}

export function clearLeaderboardMemo(): void {
  memo.clear();
}
