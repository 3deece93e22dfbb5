import { getProductRecords, toProductSummary } from '../catalog';
import { AppError, isAppError } from '../platform/errors';
import type { RankingSource, TopSeller, TopSellersResult } from './contract';
import { clearWarning, errorText, warnOnce } from './log';
import { memoize } from './memo';
import { readRankingWindow } from './ranking';

// Top sellers as the storefront shows them: the ranking hydrated into product summaries. Products deleted from
// the catalog since they sold are skipped (and the next ones move up), so a listing is never short while more
// ranked products exist.

export const TOP_SELLERS_DEFAULT_LIMIT = 20;
export const TOP_SELLERS_MAX_LIMIT = 100;

/** Extra ranked entries read per window, so a few deleted products do not cost a second round trip. */
const SLACK = 10;

export async function getTopSellers(limit = TOP_SELLERS_DEFAULT_LIMIT): Promise<TopSellersResult> {
  if (!Number.isInteger(limit) || limit < 1 || limit > TOP_SELLERS_MAX_LIMIT) {
    throw new AppError('VALIDATION_FAILED', `limit must be an integer from 1 to ${TOP_SELLERS_MAX_LIMIT}.`);
  }
  try {
    const result = await memoize(`top-sellers:${limit}`, () => loadTopSellers(limit));
    clearWarning('leaderboard-read');
    return result;
  } catch (err) {
    if (isAppError(err) && err.code !== 'UNAVAILABLE') throw err;
    // Both Redis and DynamoDB failed: say it once per outage, and answer 503 rather than a bare 500.
    warnOnce('leaderboard-read', 'top sellers unavailable', { err: errorText(err) }, 'error');
    throw new AppError('UNAVAILABLE', 'Top sellers are unavailable right now. Please try again shortly.');
  }
}

async function loadTopSellers(limit: number): Promise<TopSellersResult> {
  const items: TopSeller[] = [];
  // Once a window falls back to DynamoDB the rest follow it; `seen` guards the seam between two snapshots.
  let source: RankingSource | undefined;
  const seen = new Set<string>();
  const windowSize = limit + SLACK;
  for (let offset = 0; items.length < limit; offset += windowSize) {
    const window = await readRankingWindow(offset, windowSize, source);
    source = source === 'dynamodb' ? source : window.source;
    const records = await getProductRecords(window.entries.map((e) => e.productId));
    for (const entry of window.entries) {
      const record = records.get(entry.productId);
      if (!record || seen.has(entry.productId) || items.length >= limit) continue;
      seen.add(entry.productId);
      items.push({ ...toProductSummary(record), sold: entry.sold });
    }
    if (window.entries.length < windowSize) break;
  }
  return { items, source: source ?? 'dynamodb' };
}

/**
 * For the home page: the top sellers, or null when they cannot be read (already logged by getTopSellers), so the
 * rest of the page renders regardless. Never rejects.
 */
export async function topSellersForHome(limit = TOP_SELLERS_DEFAULT_LIMIT): Promise<TopSeller[] | null> {
  try {
    return (await getTopSellers(limit)).items;
  } catch (err) {
    if (!isAppError(err)) warnOnce('leaderboard-home', 'top sellers failed on the home page', { err: errorText(err) }, 'error');
    return null;
  }
}
