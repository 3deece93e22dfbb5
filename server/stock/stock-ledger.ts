import { BatchWriteCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoBulkDoc, dynamoDoc } from '../platform/aws/clients';
import { batchGetAll, batchWriteWithRetry, queryAll, type TransactItem, tableName } from '../platform/db';

// The stock ledger (ADR 0029): a product's units live in their own items of the `stock` table, one or more per
// variant, never on the product item. Key: productId + slot `<variantId>#<shard>`; attributes `units` (what may be
// sold), `seq` (bumped by every change, so a copy of the totals can tell the newer from the older) and `closed`
// (set while the product is unpublished: nothing may be sold from it). A flash-sale SKU gets several shards, each
// holding part of its units, so concurrent checkouts decrement different items instead of queueing on one.
// Shard 0 of every variant also carries `shards`, how many slots the variant has (ADR 0035): checkout reads its
// lines' shards by key, in the same BatchGetItem call as the products, instead of a Query after it.

export type Shard = { variantId: string; shard: number; units: number; seq: number; closed: boolean };

const slotOf = (variantId: string, shard: number) => `${variantId}#${shard}`;

function shardFromItem(item: Record<string, unknown>): Shard {
  const slot = String(item.slot);
  const cut = slot.lastIndexOf('#');
  return {
    variantId: typeof item.variantId === 'string' ? item.variantId : slot.slice(0, cut),
    shard: Number(slot.slice(cut + 1)),
    units: Number(item.units ?? 0),
    seq: Number(item.seq ?? 0),
    closed: item.closed === true,
  };
}

/** One product's shards, strongly consistent (checkout, a cart's price, an edit must see the last sale). */
export async function readProductShards(productId: string): Promise<Shard[]> {
  const items = await queryAll<Record<string, unknown>>({
    TableName: tableName('stock'),
    KeyConditionExpression: 'productId = :p',
    ExpressionAttributeValues: { ':p': productId },
    ConsistentRead: true,
  });
  return items.map(shardFromItem);
}

/** The shards of several products, one Query each (in parallel). */
export async function readShards(productIds: readonly string[]): Promise<Map<string, Shard[]>> {
  const ids = [...new Set(productIds)];
  const lists = await Promise.all(ids.map((id) => readProductShards(id)));
  return new Map(ids.map((id, i) => [id, lists[i]!]));
}

export type StockLine = { productId: string; variantId: string };
type StockKey = { productId: string; slot: string };

// How many slots a variant had when this process last read it: which keys the next checkout reads in its batch.
// Only a hint: shard 0's `shards` says how many there are, and a read that finds more than hinted reads the rest.
const slotHints = new Map<string, number>();
const SLOT_HINTS_MAX = 10_000;
const hintKey = (productId: string, variantId: string) => `${productId}\u0000${variantId}`;

function rememberSlots(productId: string, variantId: string, slots: number): void {
  if (slotHints.size >= SLOT_HINTS_MAX) slotHints.clear();
  slotHints.set(hintKey(productId, variantId), slots);
}

function slotKeys(line: StockLine, from: number, to: number): StockKey[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => ({ productId: line.productId, slot: slotOf(line.variantId, from + i) }));
}

function uniqueLines(lines: readonly StockLine[]): StockLine[] {
  return [...new Map(lines.map((l) => [hintKey(l.productId, l.variantId), l])).values()];
}

/**
 * The stock items to read, by key, for these lines (a checkout's): each variant's slots 0 … n−1, n as this process
 * last saw it (1 when never). Read them with the products, consistently, then hand the items to `lineShards`.
 */
export function lineShardKeys(lines: readonly StockLine[]): StockKey[] {
  return uniqueLines(lines).flatMap((l) => slotKeys(l, 0, slotHints.get(hintKey(l.productId, l.variantId)) ?? 1));
}

/**
 * Each ledger product's shards for the lines' variants, exact, from the items read by `lineShardKeys`: shard 0's
 * `shards` says whether every slot was read; the missing ones are read by key (one more call, only after a reshard
 * or on a process's first checkout of a sharded SKU). A variant whose shard 0 has no count (written before the
 * count existed) or no shard 0 at all is read with the consistent Query, as before. Only the lines' variants are in
 * the answer (a product's other variants are not read).
 */
export async function lineShards(ledgerLines: readonly StockLine[], items: readonly Record<string, unknown>[]): Promise<Map<string, Shard[]>> {
  const bySlot = new Map(items.map((item) => [`${String(item.productId)}\u0000${String(item.slot)}`, item]));
  const out = new Map<string, Shard[]>();
  const more: StockKey[] = [];
  const queried = new Set<string>();
  for (const line of uniqueLines(ledgerLines)) {
    if (!out.has(line.productId)) out.set(line.productId, []);
    const first = bySlot.get(`${line.productId}\u0000${slotOf(line.variantId, 0)}`);
    const slots = Number(first?.shards);
    if (!first || !Number.isInteger(slots) || slots < 1) {
      queried.add(line.productId);
      continue;
    }
    const read = slotHints.get(hintKey(line.productId, line.variantId)) ?? 1;
    rememberSlots(line.productId, line.variantId, slots);
    for (const key of slotKeys(line, 0, Math.min(read, slots))) {
      const item = bySlot.get(`${key.productId}\u0000${key.slot}`);
      if (item) out.get(line.productId)!.push(shardFromItem(item));
    }
    more.push(...slotKeys(line, read, slots));
  }
  if (more.length > 0) {
    for (const item of await batchGetAll(tableName('stock'), more, { consistentRead: true })) out.get(String(item.productId))?.push(shardFromItem(item));
  }
  if (queried.size > 0) {
    const wanted = new Set(ledgerLines.map((l) => hintKey(l.productId, l.variantId)));
    for (const [productId, shards] of await readShards([...queried])) {
      const mine = shards.filter((s) => wanted.has(hintKey(productId, s.variantId)));
      // What a later checkout of this product reads in its batch (still validated by shard 0's count).
      for (const s of mine) rememberSlots(productId, s.variantId, Math.max(slotHints.get(hintKey(productId, s.variantId)) ?? 1, s.shard + 1));
      out.set(productId, [...(out.get(productId) ?? []).filter((s) => !mine.some((m) => m.variantId === s.variantId)), ...mine]);
    }
  }
  return out;
}

/** variantId → units over all its shards (a negative never happens; read as 0 if it did). */
export function unitsByVariant(shards: readonly Shard[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of shards) out[s.variantId] = (out[s.variantId] ?? 0) + Math.max(0, s.units);
  return out;
}

/** The product's change counter: the sum of its shards' seq. Only grows, so a larger one is a newer reading. */
export const seqOf = (shards: readonly Shard[]) => shards.reduce((n, s) => n + s.seq, 0);

/** `units` spread over `shards` items, the remainder on the first ones: 10 over 4 → 3, 3, 2, 2. */
export function spread(units: number, shards: number): number[] {
  const base = Math.floor(units / shards);
  return Array.from({ length: shards }, (_, i) => base + (i < units % shards ? 1 : 0));
}

export type Take = { productId: string; variantId: string; shard: number; units: number };

/**
 * Which shards a line's units come from: starting at an open shard drawn at random by its units, the first that
 * holds the whole quantity;
 * failing that, several (a big line on a thinly spread SKU). null when the shards hold fewer than asked in total
 * (the pass that priced the cart saw more: another checkout took them).
 */
export function pickShards(productId: string, variantId: string, quantity: number, shards: readonly Shard[], random = Math.random): Take[] | null {
  const open = shards.filter((s) => s.variantId === variantId && !s.closed && s.units > 0).sort((a, b) => a.shard - b.shard);
  if (open.length === 0) return null;
  // The starting shard is drawn in proportion to its units, so shards drain together: a nearly empty shard draws
  // few buyers, and few find it emptied under them (each such miss costs a fresh pass).
  const total = open.reduce((n, s) => n + s.units, 0);
  let ticket = random() * total;
  let offset = open.length - 1;
  for (const [i, s] of open.entries()) {
    if (ticket < s.units) {
      offset = i;
      break;
    }
    ticket -= s.units;
  }
  const rotated = [...open.slice(offset), ...open.slice(0, offset)];
  const whole = rotated.find((s) => s.units >= quantity);
  if (whole) return [{ productId, variantId, shard: whole.shard, units: quantity }];
  const takes: Take[] = [];
  let left = quantity;
  for (const s of [...rotated].sort((a, b) => b.units - a.units)) {
    if (left === 0) break;
    const units = Math.min(left, s.units);
    takes.push({ productId, variantId, shard: s.shard, units });
    left -= units;
  }
  return left === 0 ? takes : null;
}

/** Checkout's decrement of one shard: never below zero, never from a closed (unpublished) product. */
export function takeItem(t: Take): TransactItem {
  return {
    Update: {
      TableName: tableName('stock'),
      Key: { productId: t.productId, slot: slotOf(t.variantId, t.shard) },
      UpdateExpression: 'SET units = units - :q ADD seq :one',
      ConditionExpression: 'units >= :q AND attribute_not_exists(closed)',
      ExpressionAttributeValues: { ':q': t.units, ':one': 1 },
    },
  };
}

/** Units coming back (a cancellation, a return put back on the shelf): onto shard 0, which every ledger variant has. */
export function giveBackItem(productId: string, variantId: string, units: number): TransactItem {
  return {
    Update: {
      TableName: tableName('stock'),
      Key: { productId, slot: slotOf(variantId, 0) },
      UpdateExpression: 'SET variantId = :v ADD units :q, seq :one',
      ExpressionAttributeValues: { ':v': variantId, ':q': units, ':one': 1 },
    },
  };
}

/**
 * A variant's total set to `units` (a marketer's stock edit), spread over its current shards, each conditional on
 * the seq it was read at, so a sale in between cancels the edit instead of being overwritten. A variant with no
 * shard yet gets shard 0 (attribute_not_exists).
 */
export function setVariantItems(productId: string, variantId: string, units: number, seen: readonly Shard[]): TransactItem[] {
  const mine = seen.filter((s) => s.variantId === variantId).sort((a, b) => a.shard - b.shard);
  if (mine.length === 0) {
    return [
      {
        Put: {
          TableName: tableName('stock'),
          Item: { productId, slot: slotOf(variantId, 0), variantId, units, seq: 1, shards: 1 },
          ConditionExpression: 'attribute_not_exists(productId)',
        },
      },
    ];
  }
  const shares = spread(units, mine.length);
  return mine.map((s, i) => ({
    Update: {
      TableName: tableName('stock'),
      Key: { productId, slot: slotOf(variantId, s.shard) },
      UpdateExpression: 'SET units = :u, seq = :next',
      ConditionExpression: 'seq = :seen',
      ExpressionAttributeValues: { ':u': shares[i]!, ':next': s.seq + 1, ':seen': s.seq },
    },
  }));
}

/** Publishing or unpublishing: every shard of the product opened or closed (no seq change: the units do not move). */
export function closeItems(productId: string, shards: readonly Shard[], closed: boolean): TransactItem[] {
  return shards.map((s) => ({
    Update: {
      TableName: tableName('stock'),
      Key: { productId, slot: slotOf(s.variantId, s.shard) },
      UpdateExpression: closed ? 'SET closed = :t' : 'REMOVE closed',
      ConditionExpression: 'attribute_exists(productId)',
      ...(closed ? { ExpressionAttributeValues: { ':t': true } } : {}),
    },
  }));
}

/**
 * The catalog import's and the seed's write: each variant's units, absolute, on shard 0 of a product that has no
 * ledger yet (BatchWriteItem), or spread over the shards it has (one Update each, seq bumped). The file is the
 * truth for stock, as it was when stock lived on the product item.
 */
export async function writeImportedStock(
  products: readonly { id: string; stock: Record<string, number>; published?: boolean }[],
  fresh: boolean,
): Promise<void> {
  if (fresh) {
    const items = products.flatMap((p) =>
      Object.entries(p.stock).map(([variantId, units]) => ({
        PutRequest: {
          Item: { productId: p.id, slot: slotOf(variantId, 0), variantId, units, seq: 1, shards: 1, ...(p.published === false ? { closed: true } : {}) },
        },
      })),
    );
    const batches: (typeof items)[] = [];
    for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
    // A few batches at once, as the import's own writes: DynamoDB is the bottleneck, not this loop.
    for (let i = 0; i < batches.length; i += 4) {
      await Promise.all(
        batches
          .slice(i, i + 4)
          .map((batch) => batchWriteWithRetry((input) => dynamoBulkDoc().send(new BatchWriteCommand(input)), { [tableName('stock')]: batch })),
      );
    }
    return;
  }
  for (const p of products) {
    const seen = await readProductShards(p.id);
    const closed = p.published === false;
    for (const [variantId, units] of Object.entries(p.stock)) {
      const mine = seen.filter((s) => s.variantId === variantId).sort((a, b) => a.shard - b.shard);
      const shares = spread(units, Math.max(1, mine.length));
      // Shard 0 states how many slots the variant has (what checkout reads by key; ADR 0035).
      const slots = mine.length === 0 ? 1 : Math.max(...mine.map((s) => s.shard)) + 1;
      await Promise.all(
        shares.map((share, i) => {
          const shard = mine[i]?.shard ?? i;
          const count = shard === 0 ? ', shards = :n' : '';
          return dynamoBulkDoc().send(
            new UpdateCommand({
              TableName: tableName('stock'),
              Key: { productId: p.id, slot: slotOf(variantId, shard) },
              UpdateExpression: `SET units = :u, variantId = :v${count}${closed ? ', closed = :t' : ''} ADD seq :one${closed ? '' : ' REMOVE closed'}`,
              ExpressionAttributeValues: { ':u': share, ':v': variantId, ':one': 1, ...(count ? { ':n': slots } : {}), ...(closed ? { ':t': true } : {}) },
            }),
          );
        }),
      );
    }
  }
}

/**
 * Spreads a variant's units over `shards` items (operations, before a flash sale: `npm run stock:shard`). One
 * transaction, conditional on every shard's seq as read, so no sale is lost or doubled; a shrink leaves the shards
 * past the new count at 0 units (they are never deleted: their seq keeps the product's change counter growing).
 */
export async function reshardVariant(productId: string, variantId: string, shards: number): Promise<{ units: number; shards: number[] }> {
  if (!Number.isInteger(shards) || shards < 1 || shards > 50) throw new RangeError('shards must be a whole number in [1, 50]');
  for (let attempt = 1; ; attempt++) {
    const seen = (await readProductShards(productId)).filter((s) => s.variantId === variantId);
    if (seen.length === 0) throw new Error(`${productId}/${variantId} has no stock items: import or edit its stock first`);
    const total = seen.reduce((n, s) => n + Math.max(0, s.units), 0);
    const closed = seen.some((s) => s.closed);
    const count = Math.max(shards, ...seen.map((s) => s.shard + 1));
    const shares = [...spread(total, shards), ...Array(count - shards).fill(0)];
    const bySlot = new Map(seen.map((s) => [s.shard, s]));
    const items: TransactItem[] = shares.map((units, shard) => {
      const s = bySlot.get(shard);
      return s
        ? {
            Update: {
              TableName: tableName('stock'),
              Key: { productId, slot: slotOf(variantId, shard) },
              // Shard 0 states the variant's slot count (ADR 0035), in the same transaction as the units move.
              UpdateExpression: shard === 0 ? 'SET units = :u, seq = :next, shards = :n' : 'SET units = :u, seq = :next',
              ConditionExpression: 'seq = :seen',
              ExpressionAttributeValues: { ':u': units, ':next': s.seq + 1, ':seen': s.seq, ...(shard === 0 ? { ':n': count } : {}) },
            },
          }
        : {
            Put: {
              TableName: tableName('stock'),
              Item: {
                productId,
                slot: slotOf(variantId, shard),
                variantId,
                units,
                seq: 1,
                ...(shard === 0 ? { shards: count } : {}),
                ...(closed ? { closed: true } : {}),
              },
              ConditionExpression: 'attribute_not_exists(productId)',
            },
          };
    });
    try {
      await dynamoDoc().send(new TransactWriteCommand({ TransactItems: items }));
      return { units: total, shards: shares };
    } catch (err) {
      if (attempt >= 10) throw err;
    }
  }
}
