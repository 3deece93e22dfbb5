import { commitOrderCounts } from './commit-order-counts';
import { type CopyOutcome, copyCountsToRedis } from './copy-counts-to-redis';
import { type SkipReason, toCountableOrder } from './countable-order';
import { log } from './log';
import { clearLeaderboardMemo } from './memo';

// The consumer's handler: inserted order images in, counts in DynamoDB (exactly once) and Redis (caught up) out.
// The same call serves the local poller and the stream-subscribed Lambda.

export type CountReport = {
  counted: string[];
  alreadyCounted: string[];
  skipped: { orderId?: string; reason: SkipReason }[];
  redis: CopyOutcome;
};

/**
 * Counts a batch of unmarshalled NEW_IMAGEs of INSERT records. Throws only when DynamoDB fails; the caller then
 * retries the whole batch, and orders committed before the failure are recognised by their markers.
 */
export async function countPlacedOrders(newImages: Record<string, unknown>[]): Promise<CountReport> {
  const report: CountReport = { counted: [], alreadyCounted: [], skipped: [], redis: 'copied' };
  const touched = new Set<string>();

  // One order at a time, in stream order: concurrent transactions on the same hot counters would only conflict.
  for (const image of newImages) {
    const result = toCountableOrder(image);
    if (!result.ok) {
      // Never throw for a bad record: it would be retried forever and hold up every order behind it.
      report.skipped.push({ reason: result.reason, ...(result.orderId ? { orderId: result.orderId } : {}) });
      log(result.reason === 'not-an-order' ? 'warn' : 'info', 'order record not counted', {
        reason: result.reason,
        detail: result.detail,
        orderId: result.orderId,
      });
      continue;
    }
    const { order } = result;
    const outcome = await commitOrderCounts(order);
    (outcome === 'counted' ? report.counted : report.alreadyCounted).push(order.orderId);
    // Replays are copied too: the first delivery may have committed in DynamoDB and died before reaching Redis.
    for (const productId of order.quantities.keys()) touched.add(productId);
  }

  report.redis = await copyCountsToRedis([...touched]);
  if (report.counted.length > 0) clearLeaderboardMemo();
  return report;
}
