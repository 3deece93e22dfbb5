import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoBulkDoc } from '../platform/aws/clients';
import { batchWriteWithRetry } from '../platform/db';
import { tableName } from '../platform/db/tables';
import type { StoredReview } from './contract';
import { indexedReview, summaryItem } from './review-store';
import { summarise } from './review-summary';

// The demo seed's writer (local/catalog/ensure-demo-catalog.ts; plain Node, so no 'server-only'): approved demo
// reviews, written next to catalog rows whose rating and count were computed from these same reviews, with their
// index keys and each product's summary item, as moderation would have left them.

export async function writeSeedReviews(reviews: readonly StoredReview[]): Promise<void> {
  const table = tableName('reviews');
  const byProduct = new Map<string, StoredReview[]>();
  for (const r of reviews) byProduct.set(r.productId, [...(byProduct.get(r.productId) ?? []), r]);
  const at = new Date().toISOString();
  const items = [...reviews.map(indexedReview), ...[...byProduct].map(([productId, list]) => summaryItem(productId, summarise(list), at))];
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  // A few batches at once: DynamoDB Local is the bottleneck.
  for (let i = 0; i < batches.length; i += 4) {
    await Promise.all(
      batches
        .slice(i, i + 4)
        .map((batch) =>
          batchWriteWithRetry((input) => dynamoBulkDoc().send(new BatchWriteCommand(input)), { [table]: batch.map((Item) => ({ PutRequest: { Item } })) }),
        ),
    );
  }
}
