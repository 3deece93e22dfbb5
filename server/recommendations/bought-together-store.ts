import { GetCommand, PutCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { batchGetAll, cancellationCodes, isConditionalCheckFailure, withRetry } from '../platform/db';
import { tableName } from '../platform/db/tables';

// The `co-purchases` table (docs/recommendations.md "Bought together"): the truth is one counter per ordered pair,
// `pk = pair#<a>`, `sk = <b>`, `orders` = orders that held both, written exactly once per order by a transaction
// guarded by a marker; the product page reads `pk = top#<a>`, `sk = top`: the TOP_N partners by count, copied from
// the counters as absolute values (so copying again, in any order, never changes the answer).

/** Partners kept per product: more than a row shows, so out-of-stock partners leave enough behind. */
export const TOP_N = 20;
/**
 * Distinct products of one order that are paired (the first ones by id). A basket of k products writes k·(k−1)
 * counters; past 30 (870 counters, 9 transactions) an order is a bulk buy that says little about "bought together".
 */
export const MAX_BASKET = 30;
/** TransactWriteItems takes at most 100 actions: one marker plus 99 counters. */
const PAIRS_PER_TRANSACTION = 99;
const MARKER_LIFETIME_SECONDS = 30 * 24 * 3600;

export type Partner = { id: string; orders: number };

const pairKey = (a: string, b: string) => ({ pk: `pair#${a}`, sk: b });
const topKey = (a: string) => ({ pk: `top#${a}`, sk: 'top' });
const markerKey = (userId: string, orderId: string, chunk: number) => ({ pk: `order#${orderId}`, sk: `paired#${userId}#${chunk}` });

/** Every ordered pair of the basket, in an order that is the same on every delivery of the record. */
export function basketPairs(productIds: Iterable<string>): [string, string][] {
  const ids = [...new Set(productIds)].sort().slice(0, MAX_BASKET);
  const pairs: [string, string][] = [];
  for (const a of ids) for (const b of ids) if (a !== b) pairs.push([a, b]);
  return pairs;
}

const RETRYABLE = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded', 'RequestLimitExceeded']);
const alreadyApplied = (err: unknown) => cancellationCodes(err)[0] === 'ConditionalCheckFailed';

/**
 * Adds one order to the pair counters, exactly once: each chunk of ≤ 99 pairs goes in one transaction with its
 * marker (`attribute_not_exists`), so a redelivered record finds the marker and adds nothing.
 */
export async function commitOrderPairs(
  userId: string,
  orderId: string,
  pairs: readonly [string, string][],
  now = new Date(),
): Promise<'counted' | 'already-counted'> {
  let counted = false;
  const chunks = Math.ceil(pairs.length / PAIRS_PER_TRANSACTION);
  for (let chunk = 0; chunk < chunks; chunk++) {
    const slice = pairs.slice(chunk * PAIRS_PER_TRANSACTION, (chunk + 1) * PAIRS_PER_TRANSACTION);
    const input: TransactWriteCommandInput = {
      TransactItems: [
        {
          Put: {
            TableName: tableName('coPurchases'),
            Item: {
              ...markerKey(userId, orderId, chunk),
              chunk,
              chunks,
              countedAt: now.toISOString(),
              expiresAt: Math.floor(now.getTime() / 1000) + MARKER_LIFETIME_SECONDS,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...slice.map(([a, b]) => ({
          Update: { TableName: tableName('coPurchases'), Key: pairKey(a, b), UpdateExpression: 'ADD orders :one', ExpressionAttributeValues: { ':one': 1 } },
        })),
      ],
    };
    try {
      await withRetry(() => dynamoDoc().send(new TransactWriteCommand(input)), {
        attempts: 8,
        baseDelayMs: 40,
        maxDelayMs: 1_000,
        retryOn: (err) => !alreadyApplied(err) && cancellationCodes(err).some((r) => RETRYABLE.has(r)),
      });
      counted = true;
    } catch (err) {
      if (!alreadyApplied(err)) throw err;
    }
  }
  return counted ? 'counted' : 'already-counted';
}

/** The current counters of these pairs, strongly consistent (they are copied into the top lists as absolute values). */
export async function readPairCounts(pairs: readonly [string, string][]): Promise<Map<string, Partner[]>> {
  const items = await batchGetAll(
    tableName('coPurchases'),
    pairs.map(([a, b]) => pairKey(a, b)),
    { consistentRead: true },
  );
  const out = new Map<string, Partner[]>();
  for (const item of items) {
    const a = String(item.pk).slice('pair#'.length);
    const list = out.get(a) ?? [];
    list.push({ id: String(item.sk), orders: Number(item.orders) });
    out.set(a, list);
  }
  return out;
}

const byCount = (x: Partner, y: Partner) => y.orders - x.orders || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/** The top list with fresh absolute counts merged in: counts only grow, so the larger one is the newer. Pure. */
export function mergeTop(current: readonly Partner[], fresh: readonly Partner[], n = TOP_N): Partner[] {
  const merged = new Map(current.map((p) => [p.id, p.orders]));
  for (const p of fresh) merged.set(p.id, Math.max(merged.get(p.id) ?? 0, p.orders));
  return [...merged.entries()]
    .map(([id, orders]) => ({ id, orders }))
    .sort(byCount)
    .slice(0, n);
}

type TopItem = { partners: Partner[]; version: number };

async function readTopItem(productId: string, consistent: boolean): Promise<TopItem | null> {
  const { Item } = await dynamoDoc().send(new GetCommand({ TableName: tableName('coPurchases'), Key: topKey(productId), ConsistentRead: consistent }));
  if (!Item) return null;
  const partners = Array.isArray(Item.partners) ? (Item.partners as Partner[]).filter((p) => typeof p?.id === 'string' && typeof p.orders === 'number') : [];
  return { partners, version: Number(Item.version) || 0 };
}

/**
 * Copies fresh counts into a product's top list: read, merge, write if it changed, conditional on the version read
 * (another consumer merging the same product at once makes this one read again and merge on top of it).
 */
export async function mergeIntoTop(productId: string, fresh: readonly Partner[]): Promise<void> {
  await withRetry(
    async () => {
      const current = await readTopItem(productId, true);
      const next = mergeTop(current?.partners ?? [], fresh);
      if (current && JSON.stringify(next) === JSON.stringify(current.partners)) return;
      const version = (current?.version ?? 0) + 1;
      await dynamoDoc().send(
        new PutCommand({
          TableName: tableName('coPurchases'),
          Item: { ...topKey(productId), partners: next, version, updatedAt: new Date().toISOString() },
          ConditionExpression: current ? 'version = :seen' : 'attribute_not_exists(pk)',
          ...(current ? { ExpressionAttributeValues: { ':seen': current.version } } : {}),
        }),
      );
    },
    { attempts: 10, baseDelayMs: 20, maxDelayMs: 500, retryOn: isConditionalCheckFailure },
  );
}

/** The products most often bought with this one, most shared orders first: one GetItem (eventually consistent). */
export async function readBoughtTogether(productId: string): Promise<Partner[]> {
  return (await readTopItem(productId, false))?.partners ?? [];
}
