import type { Redis } from 'ioredis';
import type { RankedProduct } from './contract';
import { LEADERBOARD_BUILT_KEY, LEADERBOARD_KEY } from './keys';

// The Redis copy of the ranking. Scores are absolute counts copied from DynamoDB, written with ZADD GT, never
// ZINCRBY: a copy of the truth is idempotent (a replay writes the same number), order-independent (a slow writer
// with an older, lower count cannot lower a newer one) and safe to run alongside a rebuild. Increments would need
// their own dedup keys in Redis and still double-count when a rebuild lands between the DynamoDB commit and the
// increment. This relies on counts only ever growing; a refund that lowers one would rebuild instead.

const PAIRS_PER_COMMAND = 500;

/** Raises each product's score to its count (or adds it). Throws if Redis fails. */
export async function raiseScores(redis: Redis, counts: RankedProduct[]): Promise<void> {
  if (counts.length === 0) return;
  const pipeline = redis.pipeline();
  for (let i = 0; i < counts.length; i += PAIRS_PER_COMMAND) {
    const args = counts.slice(i, i + PAIRS_PER_COMMAND).flatMap((c) => [c.sold, c.productId]);
    pipeline.zadd(LEADERBOARD_KEY, 'GT', ...args);
  }
  const results = await pipeline.exec();
  const failed = results?.find(([err]) => err);
  if (!results || failed) throw failed?.[0] ?? new Error('Redis pipeline was discarded');
}

export async function markBuilt(redis: Redis, at = new Date()): Promise<void> {
  await redis.set(LEADERBOARD_BUILT_KEY, at.toISOString());
}

export async function isBuilt(redis: Redis): Promise<boolean> {
  return (await redis.exists(LEADERBOARD_BUILT_KEY)) === 1;
}

/**
 * One window of the ranking, highest first, plus whether the set was ever fully built (one round trip).
 * Equal scores come back in reverse byte order of productId; the DynamoDB path sorts the same way.
 */
export async function readWindow(redis: Redis, offset: number, count: number): Promise<{ built: boolean; entries: RankedProduct[] }> {
  const results = await redis
    .pipeline()
    .exists(LEADERBOARD_BUILT_KEY)
    .zrevrange(LEADERBOARD_KEY, offset, offset + count - 1, 'WITHSCORES')
    .exec();
  if (!results) throw new Error('Redis pipeline was discarded');
  const [builtResult, rangeResult] = results;
  if (builtResult?.[0]) throw builtResult[0];
  if (rangeResult?.[0]) throw rangeResult[0];
  const flat = (rangeResult?.[1] ?? []) as string[];
  const entries: RankedProduct[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) entries.push({ productId: flat[i]!, sold: Number(flat[i + 1]) });
  return { built: builtResult?.[1] === 1, entries };
}
