import { toCountableOrder } from '../leaderboard';
import { basketPairs, commitOrderPairs, mergeIntoTop, readPairCounts } from './bought-together-store';

// The orders-stream handler of "bought together": inserted order images in, pair counters (exactly once, by marker)
// and each product's top list (copied from the counters) out. Served by the local poller and the stream-subscribed
// Lambda alike (server/streams/orders-stream).

export type CoPurchaseReport = { counted: string[]; alreadyCounted: string[]; skipped: number };

/**
 * Throws only when DynamoDB fails: the caller then has the batch delivered again, and orders committed before the
 * failure are recognised by their markers. Orders that count for top sellers (PLACED inserts) count here too.
 */
export async function countCoPurchases(newImages: readonly Record<string, unknown>[]): Promise<CoPurchaseReport> {
  const report: CoPurchaseReport = { counted: [], alreadyCounted: [], skipped: 0 };
  for (const image of newImages) {
    const result = toCountableOrder(image);
    if (!result.ok) {
      report.skipped++;
      continue;
    }
    const { userId, orderId, quantities } = result.order;
    const pairs = basketPairs(quantities.keys());
    if (pairs.length === 0) {
      report.skipped++; // one product: nothing was bought together
      continue;
    }
    const outcome = await commitOrderPairs(userId, orderId, pairs);
    (outcome === 'counted' ? report.counted : report.alreadyCounted).push(orderId);
    // Replays are copied too: the first delivery may have committed the counters and died before the top lists.
    const counts = await readPairCounts(pairs);
    for (const [productId, fresh] of counts) await mergeIntoTop(productId, fresh);
  }
  return report;
}
