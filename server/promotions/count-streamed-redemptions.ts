import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { cancellationCodes, tableName, withRetry } from '../platform/db';
import type { Redemption } from './promotion-store';

// Uses of unlimited automatic promotions (ADR 0029), added up from the orders stream instead of inside each
// checkout transaction. Exactly once under replay: an order's use is added in the same transaction as its marker
// (promotion-redemptions[code, `order#<orderId>`], attribute_not_exists), so a redelivered order finds the marker
// and adds nothing. One transaction per promotion per batch (up to 99 orders with one ADD), not one per order.

const ORDERS_PER_TRANSACTION = 99;
const RETRYABLE = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded', 'RequestLimitExceeded']);

type OrderImage = { orderId?: unknown; redemptions?: unknown };

/** Adds each newly placed order's stream-counted uses; answers how many were added (replays add none). */
export async function countStreamedRedemptions(images: readonly Record<string, unknown>[], now = new Date()): Promise<number> {
  const byCode = new Map<string, string[]>();
  for (const image of images as OrderImage[]) {
    if (typeof image.orderId !== 'string' || !Array.isArray(image.redemptions)) continue;
    for (const r of image.redemptions as Redemption[]) {
      if (r?.counted !== 'stream' || typeof r.code !== 'string') continue;
      byCode.set(r.code, [...(byCode.get(r.code) ?? []), image.orderId]);
    }
  }
  let added = 0;
  for (const [code, orderIds] of byCode) {
    const unique = [...new Set(orderIds)];
    for (let i = 0; i < unique.length; i += ORDERS_PER_TRANSACTION) added += await addUses(code, unique.slice(i, i + ORDERS_PER_TRANSACTION), now);
  }
  return added;
}

async function addUses(code: string, orderIds: string[], now: Date): Promise<number> {
  let pending = orderIds;
  while (pending.length > 0) {
    const batch = pending;
    try {
      await withRetry(
        () =>
          dynamoDoc().send(
            new TransactWriteCommand({
              TransactItems: [
                ...batch.map((orderId) => ({
                  Put: {
                    TableName: tableName('promotionRedemptions'),
                    Item: { code, customerKey: `order#${orderId}`, countedAt: now.toISOString() },
                    ConditionExpression: 'attribute_not_exists(code)',
                  },
                })),
                {
                  Update: {
                    TableName: tableName('promotions'),
                    Key: { code },
                    UpdateExpression: 'ADD redemptions :n',
                    // Promotions are never deleted; the condition keeps a stray code from creating an empty item.
                    ConditionExpression: 'attribute_exists(code)',
                    ExpressionAttributeValues: { ':n': batch.length },
                  },
                },
              ],
            }),
          ),
        { attempts: 8, baseDelayMs: 40, maxDelayMs: 1_000, retryOn: (err) => cancellationCodes(err).some((c) => RETRYABLE.has(c)) },
      );
      return batch.length;
    } catch (err) {
      const codes = cancellationCodes(err);
      if (codes.length === 0) throw err;
      // The promotion item is gone (never expected): nothing to count on.
      if (codes[batch.length] === 'ConditionalCheckFailed') return 0;
      // Orders counted before (a replay): drop them and count the rest.
      const counted = new Set(batch.filter((_, i) => codes[i] === 'ConditionalCheckFailed'));
      if (counted.size === 0) throw err;
      pending = batch.filter((id) => !counted.has(id));
    }
  }
  return 0;
}
