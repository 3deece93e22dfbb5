import { getRedis } from '../platform/cache';
import type { RankedProduct, RankingSource } from './contract';
import { clearWarning, errorText, warnOnce } from './log';
import { memoize } from './memo';
import { healLeaderboardIfNeeded } from './rebuild';
import { readWindow } from './redis-leaderboard';
import { readAllSoldCounters } from './sold-counters';

// The ranking, window by window: from Redis when it is connected and built, otherwise from DynamoDB
// (every counter read and sorted, memoised briefly). Both orders are identical, ties included.

export type RankingWindow = { source: RankingSource; entries: RankedProduct[] };

/**
 * Entries [offset, offset + count) of the ranking. `stickTo: 'dynamodb'` keeps later windows of one listing on
 * the source its first window came from, so a listing never mixes two snapshots.
 */
export async function readRankingWindow(offset: number, count: number, stickTo?: RankingSource): Promise<RankingWindow> {
  const redis = stickTo === 'dynamodb' ? null : getRedis();
  if (redis) {
    try {
      const { built, entries } = await readWindow(redis, offset, count);
      clearWarning('leaderboard-redis-read');
      if (built) return { source: 'redis', entries };
      // Connected but never built (Redis restarted empty): answer from DynamoDB and fill Redis in the background.
      void healLeaderboardIfNeeded();
    } catch (err) {
      warnOnce('leaderboard-redis-read', 'Redis read failed: top sellers read from DynamoDB', { err: errorText(err) });
    }
  }
  const all = await memoize('ranking:dynamodb', loadSortedCounters);
  return { source: 'dynamodb', entries: all.slice(offset, offset + count) };
}

async function loadSortedCounters(): Promise<RankedProduct[]> {
  return sortRanking(await readAllSoldCounters());
}

/** Highest count first; ties in descending productId byte order, which is how Redis's ZREVRANGE breaks them. */
export function sortRanking(entries: RankedProduct[]): RankedProduct[] {
  return entries.filter((e) => e.sold > 0).sort((a, b) => b.sold - a.sold || (a.productId < b.productId ? 1 : a.productId > b.productId ? -1 : 0));
}
