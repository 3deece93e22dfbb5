// Short-lived, per-process memos of the read path: the home page renders top sellers on every request, and a
// few seconds of staleness cost nothing. Kept on globalThis because Next bundles pages, route handlers and
// instrumentation (where the local stream consumer runs) separately; the consumer clears them after counting,
// so a local order shows up as soon as the stream delivers it.

export const MEMO_MS = 5_000;

type Entry<T> = { expires: number; value: Promise<T> };

const STORE = Symbol.for('storefront.leaderboard.memo');

function store(): Map<string, Entry<unknown>> {
  const g = globalThis as unknown as Record<symbol, Map<string, Entry<unknown>> | undefined>;
  return (g[STORE] ??= new Map());
}

/** The memoised promise for `key`, or a fresh one from `load`. A rejected load is forgotten at once. */
export function memoize<T>(key: string, load: () => Promise<T>, ms = MEMO_MS): Promise<T> {
  const map = store();
  const hit = map.get(key) as Entry<T> | undefined;
  if (hit && hit.expires > Date.now()) return hit.value;
  const value = load();
  map.set(key, { expires: Date.now() + ms, value });
  value.catch(() => {
    if (map.get(key)?.value === value) map.delete(key);
  });
  return value;
}

export function clearLeaderboardMemo(): void {
  store().clear();
}
