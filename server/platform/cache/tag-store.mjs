// When each cache tag was last expired. Kept in this process (so an in-process stream consumer invalidates
// even without Redis) and in Redis (so every instance, and writers in other processes, share it).
import { getRedis, waitForRedis } from './redis-connection.mjs';

/** How long a cold process (a stream Lambda's first batch) waits for its first Redis connection. */
const CONNECT_WAIT_MS = 2000;

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
 *
 * With REDIS_URL set the expiry must reach Redis, or this throws: other instances (every server Lambda) read only
 * Redis, so a consumer that returned success after updating just its own map would leave them serving the old
 * value until the entry's TTL. The throw fails the consumer's batch and the event source mapping delivers it again.
 * A cold process waits for its first connection instead of failing at once. Without REDIS_URL (one process, the
 * local stack without Redis) the in-process map is the whole truth.
 * @param {string[]} tags
 * @param {number} [at]
 */
export async function expireTags(tags, at = Date.now()) {
  if (tags.length === 0) return;
  const local = localTags();
  for (const tag of tags) local.set(tag, Math.max(local.get(tag) ?? 0, at));
  if (!process.env.REDIS_URL) return;
  const redis = await waitForRedis(CONNECT_WAIT_MS);
  if (!redis) throw new TagExpiryNotShared(tags, 'Redis is not connected');
  try {
    const args = tags.flatMap((t) => [t, String(at)]);
    // HSET would move an expiry back if an older event arrived last (a retried batch): keep the latest per tag.
    await redis.eval(MAX_HSET, 1, TAGS_KEY, ...args);
  } catch (err) {
    throw new TagExpiryNotShared(tags, err instanceof Error ? err.message : String(err));
  }
}

export class TagExpiryNotShared extends Error {
  /** @param {string[]} tags @param {string} reason */
  constructor(tags, reason) {
    super(`cache tag expiry did not reach Redis (${reason}): ${tags.slice(0, 5).join(', ')}${tags.length > 5 ? ', …' : ''}`);
    this.name = 'TagExpiryNotShared';
  }
}

const MAX_HSET = `for i = 1, #ARGV, 2 do
  local cur = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '0')
  if tonumber(ARGV[i + 1]) > cur then redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
end
return 1`;

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
