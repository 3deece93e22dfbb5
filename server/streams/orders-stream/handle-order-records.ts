import { unmarshall } from '@aws-sdk/util-dynamodb';
import { copyStockToProducts } from '../../catalog';
import { handleOrderStreamRecords } from '../../fulfilment';
import { type CountReport, countPlacedOrders } from '../../leaderboard';
import { logger } from '../../platform/observability';
import { countStreamedRedemptions } from '../../promotions';
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
  // The products' stock copies (ADR 0029): once per product per batch, whatever number of orders moved its units.
  await copyStockToProducts(orderedProductIds(records));
  // Uses of unlimited automatic promotions, counted here rather than in every checkout (ADR 0029), exactly once.
  await countStreamedRedemptions(images);
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

/**
 * The products of every order a batch touches, placed or changed (a cancellation gives units back): the ones
 * whose stock copies may be behind the ledger.
 */
function orderedProductIds(records: readonly StreamRecordLike[]): string[] {
  const ids = new Set<string>();
  for (const record of records) {
    const image = record.dynamodb?.NewImage;
    if (!image) continue;
    try {
      const items = (unmarshall(image) as { items?: { productId?: unknown }[] }).items;
      for (const item of Array.isArray(items) ? items : []) if (typeof item?.productId === 'string') ids.add(item.productId);
    } catch {
      // Unreadable records are reported by insertedNewImages; the copy is refreshed by the next order anyway.
    }
  }
  return [...ids];
}
