import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { batchGetAll, queryAuditTrail, scanPages, setFields, type TransactItem, tableName, writeWithAudit } from '../platform/db';
import { logger } from '../platform/observability';
import type { Promotion, PromotionSettings } from './contract';
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

// The promotions' own index (ADR 0026: no Scan on a request path): one item, `code = '#index'` (no promotion code
// can start with '#'), holding the set of every code and the set of automatic ones. Kept in the same transaction as
// every create and settings update, so a cart reads one GetItem and a BatchGet of the automatic promotions and
// the entered code, all strongly consistent, instead of Scanning the table. `automaticCodes` may hold extra codes
// (readers check `automatic` on the promotion itself), never miss one. `complete` is set by the one rebuild from a
// Scan, for a table written before the index existed.
const INDEX_KEY = { code: '#index' } as const;

function indexChange(code: string, automatic: boolean): TransactItem {
  return {
    Update: {
      TableName: tableName('promotions'),
      Key: INDEX_KEY,
      UpdateExpression: automatic ? 'ADD codes :c, automaticCodes :c' : 'ADD codes :c DELETE automaticCodes :c',
      ExpressionAttributeValues: { ':c': new Set([code]) },
    },
  };
}

type PromotionIndex = { codes: string[]; automatic: string[] };

const asCodes = (value: unknown): string[] => (value instanceof Set ? [...value].filter((c): c is string => typeof c === 'string') : []);

async function readIndexItem(): Promise<Record<string, unknown> | undefined> {
  return (await dynamoDoc().send(new GetCommand({ TableName: tableName('promotions'), Key: INDEX_KEY, ConsistentRead: true }))).Item;
}

/**
 * Rebuild (batch, once per table): Scans the promotions and adds every code to the index. A union, so a create or
 * update committed meanwhile (which adds its own code) is never lost.
 */
async function rebuildPromotionIndex(): Promise<void> {
  const codes = new Set<string>();
  const automatic = new Set<string>();
  for await (const page of scanPages({ TableName: tableName('promotions'), ConsistentRead: true, ProjectionExpression: 'code, automatic' })) {
    for (const item of page.Items ?? []) {
      if (typeof item.code !== 'string' || item.code.startsWith('#')) continue;
      codes.add(item.code);
      if (item.automatic === true) automatic.add(item.code);
    }
  }
  const adds = [...(codes.size > 0 ? ['codes :codes'] : []), ...(automatic.size > 0 ? ['automaticCodes :automatic'] : [])];
  await dynamoDoc().send(
    new UpdateCommand({
      TableName: tableName('promotions'),
      Key: INDEX_KEY,
      UpdateExpression: `SET complete = :t${adds.length > 0 ? ` ADD ${adds.join(', ')}` : ''}`,
      ExpressionAttributeValues: { ':t': true, ...(codes.size > 0 ? { ':codes': codes } : {}), ...(automatic.size > 0 ? { ':automatic': automatic } : {}) },
    }),
  );
}

// One rebuild at a time per process: the first cart reads after a deploy all find the index missing.
let rebuilding: Promise<void> | null = null;

async function readPromotionIndex(): Promise<PromotionIndex> {
  let item = await readIndexItem();
  if (item?.complete !== true) {
    rebuilding ??= rebuildPromotionIndex().finally(() => {
      rebuilding = null;
    });
    await rebuilding;
    item = await readIndexItem();
  }
  return { codes: asCodes(item?.codes), automatic: asCodes(item?.automaticCodes) };
}

const byCode = (a: Promotion, b: Promotion) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

async function readPromotions(codes: readonly string[]): Promise<Promotion[]> {
  const items = await batchGetAll(
    tableName('promotions'),
    [...new Set(codes)].map((code) => ({ code })),
    { consistentRead: true },
  );
  return items.map(promotionFromItem).filter((p): p is Promotion => p !== null);
}

/** Every promotion, by code. Strongly consistent: the index item, then a BatchGet of its codes. */
export async function listAllPromotions(): Promise<Promotion[]> {
  return (await readPromotions((await readPromotionIndex()).codes)).sort(byCode);
}

/**
 * What a cart or checkout pass needs: the automatic promotions and the entered code's, by code. Strongly consistent,
 * so a paused or used-up promotion stops applying at once; costs the index item plus one read per automatic
 * promotion, however many codes the shop has.
 */
export async function readOfferPromotions(code: string | null): Promise<Promotion[]> {
  const index = await readPromotionIndex();
  const wanted = code === null ? index.automatic : [...index.automatic, code];
  return (await readPromotions(wanted)).filter((p) => p.automatic || p.code === code).sort(byCode);
}

/** Orders this customer placed with the code and did not cancel. */
export async function readCustomerUses(code: string, customerKey: string): Promise<number> {
  const { Item } = await dynamoDoc().send(new GetCommand({ TableName: tableName('promotionRedemptions'), Key: { code, customerKey }, ConsistentRead: true }));
  return typeof Item?.uses === 'number' ? Item.uses : 0;
}

/** Creates the promotion and its first audit entry together; false when the code exists. */
export async function createPromotionWithAudit(promotion: Promotion, audit: PromotionAuditEntry): Promise<boolean> {
  const outcome = await writeWithAudit(
    [
      { Put: { TableName: tableName('promotions'), Item: promotion, ConditionExpression: 'attribute_not_exists(code)' } },
      indexChange(promotion.code, promotion.automatic),
    ],
    { table: 'promotionAudit', entry: audit },
  );
  return outcome === 'written';
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
  const { sets, names, values } = setFields({ ...settings, ...meta });
  return writeWithAudit(
    [
      {
        Update: {
          TableName: tableName('promotions'),
          Key: { code },
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { ...names, '#version': 'version' },
          ExpressionAttributeValues: { ...values, ':expected': expectedVersion },
        },
      },
      indexChange(code, settings.automatic),
    ],
    { table: 'promotionAudit', entry: audit },
  );
}

/** Up to `limit` audit entries, newest first; `afterEntryId` continues below that entry. */
export async function queryPromotionAudit(code: string, limit: number, afterEntryId?: string): Promise<PromotionAuditEntry[]> {
  return (await queryAuditTrail('promotionAudit', 'code', code, limit, afterEntryId)) as PromotionAuditEntry[];
}

// Checkout and cancellation: transaction items that count a redemption or give it back.

/**
 * A promotion applied to an order, and the customer record it counted (null: no per-customer limit), plus the other
 * keys of the same customer it counted too (the delivery address; absent on orders before issue 30).
 */
/**
 * What an order records of a promotion it used. `counted: 'stream'`: an automatic promotion with no limit at all,
 * counted by the orders stream after the order (countStreamedRedemptions), not inside the checkout transaction.
 */
export type Redemption = { code: string; customerKey: string | null; alsoCounted?: string[]; counted?: 'stream' };

/**
 * Counts one redemption of each applied promotion, inside the checkout transaction:
 *   promotions[code]                 ADD redemptions 1   if version = priced AND active AND redemptions < usageLimit
 *   promotion-redemptions[code, who] ADD uses 1          if uses < perCustomerLimit (or no record yet)
 * A failed condition cancels the whole order; the next pass re-reads the promotion and refuses (409).
 * An automatic promotion with neither limit writes nothing here (ADR 0029): every checkout would otherwise write
 * its one item and queue on it. Its count is only a report, so the orders stream adds it up after the order,
 * exactly once (countStreamedRedemptions); pausing it takes effect from the next priced cart.
 */
export function redemptionItems(
  applied: Promotion[],
  customerKey: string,
  alsoCounted: readonly string[] = [],
): { items: TransactItem[]; redemptions: Redemption[] } {
  const items: TransactItem[] = [];
  const redemptions: Redemption[] = [];
  for (const p of applied) {
    if (p.automatic && p.usageLimit === null && p.perCustomerLimit === null) {
      redemptions.push({ code: p.code, customerKey: null, counted: 'stream' });
      continue;
    }
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
    const others = alsoCounted.filter((k) => k !== customerKey);
    for (const key of [customerKey, ...others]) {
      items.push({
        Update: {
          TableName: tableName('promotionRedemptions'),
          Key: { code: p.code, customerKey: key },
          UpdateExpression: 'ADD uses :one',
          ConditionExpression: 'attribute_not_exists(uses) OR uses < :limit',
          ExpressionAttributeValues: { ':one': 1, ':limit': p.perCustomerLimit },
        },
      });
    }
    redemptions.push(others.length > 0 ? { code: p.code, customerKey, alsoCounted: others } : { code: p.code, customerKey });
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
    for (const key of r.customerKey === null ? [] : [r.customerKey, ...(r.alsoCounted ?? [])]) {
      items.push({
        Update: {
          TableName: tableName('promotionRedemptions'),
          Key: { code: r.code, customerKey: key },
          UpdateExpression: 'ADD uses :minusOne',
          ConditionExpression: 'uses > :zero',
          ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
        },
      });
    }
  }
  return items;
}
