import { GetCommand, QueryCommand, ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../aws/clients';
import { isTransactionCanceled, type TransactItem, tableName } from '../db';
import { logger } from '../observability';
import type { Promotion, PromotionSettings } from './promotion-model';
import { promotionItemSchema } from './promotion-schema';

// DynamoDB operations on `promotions` (pk code), `promotion-audit` (pk code, sk entryId) and
// `promotion-redemptions` (pk code, sk customerKey). Raw reads and writes; the rules live in the files that call
// them. A marketer's edit is an Update of the settings only, never a Put of the whole item: checkout counts
// `redemptions` with its own Updates meanwhile, and a Put would write back a stale count.

export type PromotionAuditEntry = {
  code: string;
  entryId: string;
  version: number;
  action: 'create' | 'update';
  at: string;
  by: string;
  byId: string;
  before: PromotionSettings | null;
  after: PromotionSettings;
};

export function promotionFromItem(item: Record<string, unknown> | undefined): Promotion | null {
  if (!item) return null;
  const parsed = promotionItemSchema.safeParse(item);
  if (!parsed.success) {
    logger.warn('promotion item ignored: it does not match the promotion schema', { code: String(item.code), issues: parsed.error.issues.length });
    return null;
  }
  return parsed.data;
}

export async function getPromotion(code: string): Promise<Promotion | null> {
  const { Item } = await dynamoDoc().send(new GetCommand({ TableName: tableName('promotions'), Key: { code }, ConsistentRead: true }));
  return promotionFromItem(Item);
}

/** Every promotion. Strongly consistent; the table holds a shop's promotions (tens, not millions). */
export async function scanPromotions(): Promise<Promotion[]> {
  const out: Promotion[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamoDoc().send(new ScanCommand({ TableName: tableName('promotions'), ConsistentRead: true, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      const p = promotionFromItem(item);
      if (p) out.push(p);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Orders this customer placed with the code and did not cancel. */
export async function readCustomerUses(code: string, customerKey: string): Promise<number> {
  const { Item } = await dynamoDoc().send(new GetCommand({ TableName: tableName('promotionRedemptions'), Key: { code, customerKey }, ConsistentRead: true }));
  return typeof Item?.uses === 'number' ? Item.uses : 0;
}

/** Creates the promotion and its first audit entry together; false when the code exists. */
export async function createPromotionWithAudit(promotion: Promotion, audit: PromotionAuditEntry): Promise<boolean> {
  try {
    await dynamoDoc().send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName('promotions'), Item: promotion, ConditionExpression: 'attribute_not_exists(code)' } },
          { Put: { TableName: tableName('promotionAudit'), Item: audit, ConditionExpression: 'attribute_not_exists(entryId)' } },
        ],
      }),
    );
    return true;
  } catch (err) {
    if (isTransactionCanceled(err)) return false;
    throw err;
  }
}

/**
 * Writes the new settings (not `redemptions`) and the audit entry in one transaction, if the stored version is still
 * `expectedVersion`. 'cancelled' when a condition failed or another transaction held the item.
 */
export async function updatePromotionWithAudit(
  code: string,
  settings: PromotionSettings,
  meta: { version: number; updatedBy: string; updatedAt: string },
  expectedVersion: number,
  audit: PromotionAuditEntry,
): Promise<'written' | 'cancelled'> {
  const fields: Record<string, unknown> = { ...settings, ...meta };
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':expected': expectedVersion };
  const sets = Object.entries(fields).map(([field, value], i) => {
    names[`#f${i}`] = field;
    values[`:f${i}`] = value;
    return `#f${i} = :f${i}`;
  });
  names['#version'] = 'version';
  try {
    await dynamoDoc().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName('promotions'),
              Key: { code },
              UpdateExpression: `SET ${sets.join(', ')}`,
              ConditionExpression: '#version = :expected',
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
            },
          },
          { Put: { TableName: tableName('promotionAudit'), Item: audit, ConditionExpression: 'attribute_not_exists(entryId)' } },
        ],
      }),
    );
    return 'written';
  } catch (err) {
    if (isTransactionCanceled(err)) return 'cancelled';
    throw err;
  }
}

/** Up to `limit` audit entries, newest first; `afterEntryId` continues below that entry. */
export async function queryPromotionAudit(code: string, limit: number, afterEntryId?: string): Promise<PromotionAuditEntry[]> {
  const entries: PromotionAuditEntry[] = [];
  let start: Record<string, unknown> | undefined = afterEntryId ? { code, entryId: afterEntryId } : undefined;
  do {
    const page = await dynamoDoc().send(
      new QueryCommand({
        TableName: tableName('promotionAudit'),
        KeyConditionExpression: 'code = :c',
        ExpressionAttributeValues: { ':c': code },
        ScanIndexForward: false,
        Limit: limit - entries.length,
        ExclusiveStartKey: start,
      }),
    );
    entries.push(...((page.Items ?? []) as PromotionAuditEntry[]));
    start = page.LastEvaluatedKey;
  } while (start && entries.length < limit);
  return entries;
}

// Checkout and cancellation: transaction items that count a redemption or give it back.

/** A promotion applied to an order, and the customer record it counted (null: no per-customer limit). */
export type Redemption = { code: string; customerKey: string | null };

/**
 * Counts one redemption of each applied promotion, inside the checkout transaction:
 *   promotions[code]                 ADD redemptions 1   if version = priced AND active AND redemptions < usageLimit
 *   promotion-redemptions[code, who] ADD uses 1          if uses < perCustomerLimit (or no record yet)
 * A failed condition cancels the whole order; the next pass re-reads the promotion and refuses (409).
 */
export function redemptionItems(applied: Promotion[], customerKey: string): { items: TransactItem[]; redemptions: Redemption[] } {
  const items: TransactItem[] = [];
  const redemptions: Redemption[] = [];
  for (const p of applied) {
    const values: Record<string, unknown> = { ':one': 1, ':version': p.version, ':true': true };
    let condition = '#version = :version AND active = :true';
    if (p.usageLimit !== null) {
      values[':limit'] = p.usageLimit;
      condition += ' AND redemptions < :limit';
    }
    items.push({
      Update: {
        TableName: tableName('promotions'),
        Key: { code: p.code },
        UpdateExpression: 'ADD redemptions :one',
        ConditionExpression: condition,
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: values,
      },
    });
    if (p.perCustomerLimit === null) {
      redemptions.push({ code: p.code, customerKey: null });
      continue;
    }
    items.push({
      Update: {
        TableName: tableName('promotionRedemptions'),
        Key: { code: p.code, customerKey },
        UpdateExpression: 'ADD uses :one',
        ConditionExpression: 'attribute_not_exists(uses) OR uses < :limit',
        ExpressionAttributeValues: { ':one': 1, ':limit': p.perCustomerLimit },
      },
    });
    redemptions.push({ code: p.code, customerKey });
  }
  return { items, redemptions };
}

/**
 * Gives the redemptions of a cancelled order back, inside the cancellation's transaction (whose order Update is
 * conditional on the status it cancels from, so this happens exactly once per order).
 */
export function releaseItems(redemptions: Redemption[]): TransactItem[] {
  const items: TransactItem[] = [];
  for (const r of redemptions) {
    items.push({
      Update: {
        TableName: tableName('promotions'),
        Key: { code: r.code },
        UpdateExpression: 'ADD redemptions :minusOne',
        // Promotions are never deleted; the condition keeps a stray code from creating an empty item.
        ConditionExpression: 'attribute_exists(code)',
        ExpressionAttributeValues: { ':minusOne': -1 },
      },
    });
    if (r.customerKey !== null) {
      items.push({
        Update: {
          TableName: tableName('promotionRedemptions'),
          Key: { code: r.code, customerKey: r.customerKey },
          UpdateExpression: 'ADD uses :minusOne',
          ConditionExpression: 'uses > :zero',
          ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
        },
      });
    }
  }
  return items;
}
