import { createHash } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { copyStockToProducts } from '../catalog';
import { applyMovement, type LedgerMovement, ledgerEntryPut } from '../payments';
import { dynamoDoc } from '../platform/aws/clients';
import { isThrottling, isTransactionCanceled, type TransactItem, tableName, withRetry } from '../platform/db';
import { statusShardKey } from '../platform/db/tables';
import { AppError } from '../platform/errors';
import { logger } from '../platform/observability';
import { giveBackItem, readShards } from '../stock';
import type { OrderActor, OrderRecord, OrderStatus } from './contract';
import { paymentAmountsOf, timelineOf } from './to-order';

// Every change to an order after checkout is one TransactWriteItems: the order Update, conditional on the status
// and version it was read with (so an illegal or lost-race transition fails instead of overwriting), a timeline
// entry, the stock it moves (per product, one Update each: a transaction touches an item once) and the ledger
// entry of the money it moves. Either all of it is written or none.

const log = logger.child({ component: 'orders' });

export type StockMove = { productId: string; variantId: string; quantity: number };

export type Transition = {
  record: OrderRecord;
  to: OrderStatus;
  actor: OrderActor;
  note?: string;
  /** The timeline entry's event when the status stays (a refund) and the staff's own words (operations view only). */
  event?: 'refund';
  staffNote?: string;
  /** Fields the transition writes besides status, version, timeline and payment amounts. */
  set?: Partial<Pick<OrderRecord, 'fulfilment' | 'returnRequest' | 'returnDamaged' | 'items' | 'refunds'>>;
  restock?: StockMove[];
  /** More items of the same transaction from another domain (a cancellation giving promotion redemptions back). */
  alsoWrite?: TransactItem[];
  /** A money movement; entryId is its idempotency key (ledger.ts). */
  movement?: LedgerMovement & { entryId: string; reason?: string };
};

/**
 * Units coming back: onto the product's stock ledger where it has one (ADR 0029: shard 0 of the variant), else onto
 * the product item's map (a product written before the ledger).
 */
async function restockItems(moves: StockMove[]): Promise<TransactItem[]> {
  const byProduct = new Map<string, Map<string, number>>();
  for (const m of moves) {
    if (m.quantity <= 0) continue;
    const variants = byProduct.get(m.productId) ?? new Map<string, number>();
    variants.set(m.variantId, (variants.get(m.variantId) ?? 0) + m.quantity);
    byProduct.set(m.productId, variants);
  }
  if (byProduct.size === 0) return [];
  const shards = await readShards([...byProduct.keys()]);
  const ledgerItems = [...byProduct]
    .filter(([productId]) => (shards.get(productId) ?? []).length > 0)
    .flatMap(([productId, variants]) => [...variants].map(([variantId, quantity]) => giveBackItem(productId, variantId, quantity)));
  const onProduct = [...byProduct].filter(([productId]) => (shards.get(productId) ?? []).length === 0);
  return [
    ...ledgerItems,
    ...onProduct.map(([productId, variants]) => {
      const names: Record<string, string> = {};
      const values: Record<string, number> = { ':zero': 0 };
      const sets = [...variants].map(([variantId, quantity], i) => {
        names[`#v${i}`] = variantId;
        values[`:q${i}`] = quantity;
        // A variant withdrawn since the sale comes back with what was returned rather than failing the cancellation.
        return `stock.#v${i} = if_not_exists(stock.#v${i}, :zero) + :q${i}`;
      });
      return {
        Update: {
          TableName: tableName('products'),
          Key: { id: productId },
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'attribute_exists(id)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      };
    }),
  ];
}

function cancellationCodes(err: unknown): string[] {
  const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  return Array.isArray(reasons) ? reasons.map((r) => r.Code ?? 'None') : [];
}

const retriable = (err: unknown) =>
  isThrottling(err) || (isTransactionCanceled(err) && cancellationCodes(err).some((c) => c === 'TransactionConflict' || c === 'ThrottlingError'));

/** Writes the transition; the record as it now is. AppError CONFLICT (409) when the order changed meanwhile. */
export async function commitTransition(t: Transition, now = new Date()): Promise<OrderRecord> {
  const { record } = t;
  const version = record.version ?? 0;
  const at = now.toISOString();
  const entry = {
    at,
    status: t.to,
    by: t.actor.by,
    ...(t.note ? { note: t.note } : {}),
    ...(t.event ? { event: t.event } : {}),
    ...(t.staffNote ? { staffNote: t.staffNote } : {}),
  };
  const timeline = [...timelineOf(record), entry];
  const amounts = t.movement ? applyMovement(paymentAmountsOf(record), t.movement) : undefined;
  const statusShard = statusShardKey(t.to, record.orderId);
  const next: OrderRecord = {
    ...record,
    ...t.set,
    status: t.to,
    statusShard,
    version: version + 1,
    timeline,
    ...(amounts ? { paymentAmounts: amounts } : {}),
  };

  // The byStatus key moves with the status (ADR 0033): same shard number, the new status's partition.
  const names: Record<string, string> = { '#status': 'status', '#statusShard': 'statusShard', '#version': 'version', '#timeline': 'timeline' };
  const values: Record<string, unknown> = { ':from': record.status, ':to': t.to, ':shard': statusShard, ':next': version + 1, ':timeline': timeline };
  const sets = ['#status = :to', '#statusShard = :shard', '#version = :next', '#timeline = :timeline'];
  const fields: Record<string, unknown> = { ...t.set, ...(amounts ? { paymentAmounts: amounts } : {}) };
  Object.entries(fields).forEach(([field, value], i) => {
    names[`#f${i}`] = field;
    values[`:f${i}`] = value;
    sets.push(`#f${i} = :f${i}`);
  });
  if (record.version !== undefined) values[':version'] = version;
  const items: TransactItem[] = [
    {
      Update: {
        TableName: tableName('orders'),
        Key: { userId: record.userId, orderId: record.orderId },
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: `#status = :from AND ${record.version === undefined ? 'attribute_not_exists(#version)' : '#version = :version'}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    ...(await restockItems(t.restock ?? [])),
    ...(t.alsoWrite ?? []),
  ];
  if (t.movement) {
    items.push(
      ledgerEntryPut({
        orderId: record.orderId,
        entryId: t.movement.entryId,
        kind: t.movement.kind,
        amount: t.movement.amount,
        at,
        by: t.actor.by === 'system' ? 'system' : `${t.actor.by}:${t.actor.userId}`,
        ...(t.movement.reason ? { reason: t.movement.reason } : {}),
      }),
    );
  }
  // The token makes a retry of these very items after an unknown outcome a no-op instead of a lost race against
  // itself; any other writer's items differ (their timeline entry at least), so they never share it.
  const token = createHash('sha256').update(JSON.stringify(items)).digest('hex').slice(0, 36);
  try {
    await withRetry(() => dynamoDoc().send(new TransactWriteCommand({ TransactItems: items, ClientRequestToken: token })), {
      attempts: 6,
      baseDelayMs: 20,
      maxDelayMs: 400,
      retryOn: retriable,
    });
  } catch (err) {
    if (isTransactionCanceled(err) && cancellationCodes(err).includes('ConditionalCheckFailed')) {
      throw new AppError('CONFLICT', 'The order changed while this was being done. Reload it and try again.');
    }
    if (awsIdempotentMismatch(err)) throw new AppError('CONFLICT', 'The order changed while this was being done. Reload it and try again.');
    throw err;
  }
  // Units given back to the stock ledger show on the products at once (the orders stream's copy follows placed
  // orders only on AWS). A failed copy is caught up by the next order of the product.
  const restocked = (t.restock ?? []).filter((m) => m.quantity > 0).map((m) => m.productId);
  if (restocked.length > 0) {
    await copyStockToProducts(restocked).catch((err: unknown) => log.warn('stock copy after a restock failed', { err: String(err) }));
  }
  return next;
}

/** The same token with different items: another writer's transition from the same version got there first. */
function awsIdempotentMismatch(err: unknown): boolean {
  return (err as { name?: string }).name === 'IdempotentParameterMismatchException';
}
