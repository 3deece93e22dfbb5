// The shared half of a 'use cache' entry: its Redis key and stored shape. Two readers use it, so both shapes of
// the app share one cache: next-cache-handler.mjs (next start, next dev, the local stack) and the OpenNext overrides
// of the deployed server function (infra/open-next/redis-cache.ts), which OpenNext puts in place of that handler.
// Plain JavaScript for the same reason as the handler: Next loads it unbundled.
import { createHash } from 'node:crypto';
import { getRedis, waitForRedis } from './redis-connection.mjs';

const MAX_REDIS_TTL_SECONDS = 24 * 3600;
const ENTRY_PREFIX = 'cache:entry:';

/** @typedef {{ tags: string[], stale: number, timestamp: number, expire: number, revalidate: number, bytes: Uint8Array }} StoredEntry */

/** @param {string} cacheKey */
export function redisKey(cacheKey) {
  return ENTRY_PREFIX + createHash('sha256').update(cacheKey).digest('base64url');
}

/**
 * @param {string} cacheKey
 * @param {{ waitMs?: number }} [opts] waitMs: how long a cold process may wait for its first connection. Without
 *   it a cold Lambda reads nothing and writes nothing until ioredis is ready, and every new entry misses twice.
 * @returns {Promise<StoredEntry | undefined>}
 */
export async function readEntry(cacheKey, opts = {}) {
  const redis = opts.waitMs ? await waitForRedis(opts.waitMs) : getRedis();
  if (!redis) return undefined;
  try {
    const raw = await redis.get(redisKey(cacheKey));
    if (!raw) return undefined;
    const parsed = JSON.parse(raw);
    return { ...parsed, bytes: new Uint8Array(Buffer.from(parsed.bytes, 'base64')) };
  } catch {
    return undefined;
  }
}

/**
 * @param {string} cacheKey @param {StoredEntry} entry @param {{ waitMs?: number }} [opts]
 * @returns {Promise<boolean>} whether Redis holds it now
 */
export async function writeEntry(cacheKey, entry, opts = {}) {
  const redis = opts.waitMs ? await waitForRedis(opts.waitMs) : getRedis();
  if (!redis) return false;
  const ttl = Math.max(1, Math.min(MAX_REDIS_TTL_SECONDS, Math.ceil(entry.expire)));
  try {
    const payload = JSON.stringify({ ...entry, bytes: Buffer.from(entry.bytes).toString('base64') });
    await redis.set(redisKey(cacheKey), payload, 'EX', ttl);
    return true;
  } catch {
    return false;
  }
}
