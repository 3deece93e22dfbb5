// When each cache tag was last expired. Kept in this process (so an in-process stream consumer invalidates
// even without Redis) and in Redis (so every instance, and writers in other processes, share it).
import { getRedis } from './redis-connection.mjs';

const TAGS_KEY = 'cache:tag-expirations';
const LOCAL = Symbol.for('storefront.cache.tag-expirations');

/** @returns {Map<string, number>} */
function localTags() {
  const g = /** @type {Record<symbol, any>} */ (globalThis);
  if (!g[LOCAL]) g[LOCAL] = new Map();
  return g[LOCAL];
}

/**
 * Marks tags expired now: entries created before this moment are misses from now on.
 * @param {string[]} tags
 * @param {number} [at]
 */
export async function expireTags(tags, at = Date.now()) {
  if (tags.length === 0) return;
  const local = localTags();
  for (const tag of tags) local.set(tag, Math.max(local.get(tag) ?? 0, at));
  const redis = getRedis();
  if (!redis) return;
  try {
    const args = tags.flatMap((t) => [t, String(at)]);
    await redis.hset(TAGS_KEY, ...args);
  } catch {
    // The local map already holds the expiry; other instances catch up through their own consumers or TTLs.
  }
}

/**
 * The latest expiry among the tags, 0 if none was ever expired.
 * @param {string[]} tags
 * @returns {Promise<number>}
 */
export async function latestExpiration(tags) {
  if (tags.length === 0) return 0;
  const local = localTags();
  let latest = 0;
  for (const tag of tags) latest = Math.max(latest, local.get(tag) ?? 0);
  const redis = getRedis();
  if (!redis) return latest;
  try {
    const values = await redis.hmget(TAGS_KEY, ...tags);
    for (const v of values) if (v) latest = Math.max(latest, Number(v));
  } catch {
    // Redis down mid-request: the local view is the best we have.
  }
  return latest;
}
