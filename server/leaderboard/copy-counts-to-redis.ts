import { getRedis } from '../platform/cache';
import { clearWarning, errorText, warnOnce } from './log';
import { markRedisDirty } from './redis-dirty-flag';
import { raiseScores } from './redis-leaderboard';
import { readSoldCounters } from './sold-counters';

// After counts are committed in DynamoDB, copy the affected products' current totals to Redis. Redis trouble
// never fails the batch (the counts are safe in DynamoDB): it marks the set dirty and a rebuild catches up.

export type CopyOutcome = 'copied' | 'skipped';

export async function copyCountsToRedis(productIds: string[]): Promise<CopyOutcome> {
  if (productIds.length === 0) return 'copied';
  const redis = getRedis();
  if (!redis) {
    warnOnce('leaderboard-redis-write', 'Redis unavailable: top-seller counts kept in DynamoDB, Redis will be rebuilt');
    await markRedisDirty('redis unavailable during copy');
    return 'skipped';
  }
  // A DynamoDB failure here is not Redis's: let it throw so the batch is retried (the markers make that safe).
  const counts = await readSoldCounters(productIds);
  try {
    await raiseScores(redis, counts);
    clearWarning('leaderboard-redis-write');
    return 'copied';
  } catch (err) {
    warnOnce('leaderboard-redis-write', 'Redis write failed: top-seller counts kept in DynamoDB, Redis will be rebuilt', {
      err: errorText(err),
    });
    await markRedisDirty('redis write failed');
    return 'skipped';
  }
}
