import { handleOrderStreamRecords } from '../../fulfilment';
import { type CountReport, countPlacedOrders } from '../../leaderboard';
import { logger } from '../../platform/observability';
import { insertedNewImages, type StreamRecordLike } from './inserted-images';

// The orders-stream handler, shared by the in-process poller and the Lambda: inserted orders go to the
// leaderboard. Throws (so the batch is delivered again) only when the counts could not be committed.

export type OrderRecordsReport = CountReport & { unreadable: number };

const ordersStreamLog = logger.child({ component: 'orders-stream' });

function logLine(level: 'info' | 'warn', msg: string, fields: Record<string, unknown>): void {
  ordersStreamLog[level](msg, fields);
}

export async function handleOrderRecords(records: readonly StreamRecordLike[]): Promise<OrderRecordsReport> {
  const { images, unreadable } = insertedNewImages(records);
  for (const u of unreadable) logLine('warn', 'unreadable order stream record skipped', u);
  const report = { ...(await countPlacedOrders(images)), unreadable: unreadable.length };
  await handleOrderStreamRecords(records); // the queue to the warehouse and order emails (server/fulfilment)
  // A replay from TRIM_HORIZON at every start re-reads a day of orders: only batches that changed something are logged.
  if (report.counted.length + report.skipped.length + report.unreadable > 0 || report.redis === 'skipped') {
    logLine('info', 'orders stream batch', {
      records: records.length,
      counted: report.counted.length,
      alreadyCounted: report.alreadyCounted.length,
      skipped: report.skipped.length,
      unreadable: report.unreadable,
      redis: report.redis,
    });
  }
  return report;
}
