// OpenNext cache overrides on the app's Redis (open-next.config.ts, open-next.local.config.ts). OpenNext 4.1 puts its
// own composable cache in place of next.config.mjs's `cacheHandlers.default` and sends every 'use cache' entry to its
// `incrementalCache` override (cacheType 'composable') and every tag check and revalidation to its `tagCache`
// override. Left at S3 + DynamoDB, the deployed server kept a cache no stream consumer expires (issue 25). These
// overrides make it read and write the same Redis entries (server/platform/cache/entry-store.mjs) and the same tag
// expiry hash (tag-store.mjs) as next-cache-handler.mjs does everywhere else, so a product change expired by the
// products stream is a miss on every server instance. ADR 0022.
//
// Only 'use cache' entries move to Redis: prerendered pages and route output ('cache', 'fetch') stay with the
// OpenNext override passed in (S3 on AWS, where the deploy uploads them; fs-dev for the package test).
import type { CacheValue, IncrementalCache, NextModeTagCache, NextModeTagCacheWriteInput } from '@opennextjs/aws/types/overrides';
import { readEntry, writeEntry } from '../../server/platform/cache/entry-store.mjs';
import { waitForRedis } from '../../server/platform/cache/redis-connection.mjs';
import { expireTags, latestExpiration } from '../../server/platform/cache/tag-store.mjs';

/** A cold function waits this long for its first Redis connection: a read that skipped Redis would render again
 * and a write that skipped it would leave the next instance to miss too (the "double miss" of issue 25). */
const COLD_CONNECT_MS = 1000;

/**
 * `loadFallback` is called on the first entry that is not 'use cache': OpenNext also calls the override's factory at
 * build time (to read its name), where the stock overrides cannot even be imported (fs-dev reads globals that only
 * the built function sets).
 */
export function redisComposableCache(loadFallback: () => Promise<{ default: IncrementalCache }>): IncrementalCache {
  let loaded: Promise<IncrementalCache> | undefined;
  const fallback = () => (loaded ??= loadFallback().then((m) => m.default));
  return {
    name: 'redis-composable',
    async get(key, cacheType) {
      if (cacheType !== 'composable') return (await fallback()).get(key, cacheType);
      const entry = await readEntry(key, { waitMs: COLD_CONNECT_MS });
      if (!entry) return null;
      // Past its hard expiry it is a miss, as in next-cache-handler.mjs.
      if (Date.now() > entry.timestamp + entry.expire * 1000) return null;
      const { bytes, ...meta } = entry;
      // OpenNext's composable adapter carries the rendered bytes as a UTF-8 string (utils/stream.js).
      const value = { ...meta, value: Buffer.from(bytes).toString('utf8') };
      // lastModified is when the render began, the moment tag expiry is compared with (as the local handler does):
      // a render that started before an expiry and finished after it is stale.
      return { value: value as unknown as CacheValue<typeof cacheType>, lastModified: entry.timestamp };
    },
    async set(key, value, cacheType) {
      if (cacheType !== 'composable') return (await fallback()).set(key, value, cacheType);
      const v = value as CacheValue<'composable'>;
      await writeEntry(
        key,
        { tags: v.tags, stale: v.stale, timestamp: v.timestamp, expire: v.expire, revalidate: v.revalidate, bytes: Buffer.from(v.value, 'utf8') },
        { waitMs: COLD_CONNECT_MS },
      );
    },
    async delete(key) {
      await (await fallback()).delete(key);
    },
  };
}

/** Tag expiry in Redis, in OpenNext's "nextMode": tags are checked per entry, no tag-to-path table to maintain. */
export const redisTagCache: NextModeTagCache = {
  name: 'redis-tags',
  mode: 'nextMode',
  async getLastRevalidated(tags) {
    await waitForRedis(COLD_CONNECT_MS);
    return latestExpiration(tags);
  },
  async hasBeenRevalidated(tags, lastModified) {
    if (tags.length === 0) return false;
    await waitForRedis(COLD_CONNECT_MS);
    // >=, like next-cache-handler.mjs: an expiry in the same millisecond as the render's start may have missed it.
    return (await latestExpiration(tags)) >= (lastModified ?? 0);
  },
  // No stale-while-revalidate window on tags: an expired tag is a miss (a price must not be served stale).
  async isStale() {
    return false;
  },
  async writeTags(tags: NextModeTagCacheWriteInput[]) {
    const now = Date.now();
    const byTime = new Map<number, string[]>();
    for (const t of tags) {
      const tag = typeof t === 'string' ? t : t.tag;
      // A stale-only revalidation (revalidateTag with a profile) is treated as expiry now, for the same reason.
      const at = typeof t === 'string' ? now : Math.min(t.expire ?? now, now);
      byTime.set(at, [...(byTime.get(at) ?? []), tag]);
    }
    for (const [at, list] of byTime) await expireTags(list, at);
  },
};
