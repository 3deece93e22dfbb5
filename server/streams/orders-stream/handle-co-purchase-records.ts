import { logger } from '../../platform/observability';
import { type CoPurchaseReport, countCoPurchases } from '../../recommendations';
import { insertedNewImages, type StreamRecordLike } from './inserted-images';

// The orders-stream handler of "bought together" (docs/recommendations.md), shared by the in-process poller and the
// CoPurchases Lambda: the same inserted, unclaimed orders the leaderboard counts. Throws (so the batch is delivered
// again) only when DynamoDB could not commit; the markers make the redelivery harmless.

const coPurchaseLog = logger.child({ component: 'co-purchases' });

export async function handleCoPurchaseRecords(records: readonly StreamRecordLike[]): Promise<CoPurchaseReport> {
  const { images, unreadable } = insertedNewImages(records);
  for (const u of unreadable) coPurchaseLog.warn('unreadable order stream record skipped', u);
  const report = await countCoPurchases(images);
  // Every start replays a day of orders: only batches that counted something are logged.
  if (report.counted.length > 0) {
    coPurchaseLog.info('co-purchase batch', { records: records.length, counted: report.counted.length, alreadyCounted: report.alreadyCounted.length });
  }
  return report;
}
