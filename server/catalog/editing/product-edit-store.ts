import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../../platform/aws/clients';
import { queryAllPartitions, queryAuditTrail, type TransactItem, writeWithAudit } from '../../platform/db';
import { listAllPartitions, PRODUCT_INDEXES, tableName } from '../../platform/db/tables';
import { closeItems, readProductShards, seqOf, setVariantItems, unitsByVariant } from '../../stock';
import type { ProductRecord } from '../contract';
import { withLedgerStock } from '../stock-copy';
import type { ProductAuditEntry } from './product-edit-model';

// DynamoDB operations behind product editing: the consistent read, the one transaction that writes a change with
// its audit entry, and the audit reads. The rules (who, which version, which stock) live in edit-product.ts.

/** The product as stored, with the ledger's exact units for a ledger product (an edit compares against those). */
export async function readProductRecord(id: string): Promise<ProductRecord | null> {
  const { Item } = await dynamoDoc().send(new GetCommand({ TableName: tableName('products'), Key: { id }, ConsistentRead: true }));
  if (!Item) return null;
  const [record] = await withLedgerStock([Item as ProductRecord]);
  return record ?? null;
}

export type ProductWrite = {
  id: string;
  /** The version the change was computed from; 0 for an item that never had one. */
  fromVersion: number;
  set: {
    variants?: ProductRecord['variants'];
    minPrice?: number;
    published?: boolean;
    featuredRank?: number;
    name?: string;
    description?: string;
    images?: string[];
    /** variantId → new count, each conditioned on the count in `stockSeen`. */
    stock?: Record<string, number>;
  };
  /** variantId → the count the change assumes is stored now (null: none stored). A sale in between fails the write. */
  stockSeen: Record<string, number | null>;
  audit: ProductAuditEntry;
};

/**
 * One TransactWriteItems: the product Update, conditional on the version it was read at and on every edited
 * variant's stock still being the count the change assumed, and the audit Put (never overwriting an entry). Both
 * or neither. 'cancelled' means a condition failed or another transaction (a checkout) held the item: the caller
 * re-reads to tell which. Checkout's decrement is itself conditional (stock.#v >= :q), so in either order the two
 * writes cannot take a variant below zero.
 */
export async function writeProductChange(w: ProductWrite & { ledger?: boolean }): Promise<'written' | 'cancelled'> {
  if (w.ledger) return writeLedgerProductChange(w);
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':next': w.fromVersion + 1 };
  const sets = ['#version = :next'];
  const conditions = [w.fromVersion === 0 ? 'attribute_exists(id) AND attribute_not_exists(#version)' : '#version = :from'];
  if (w.fromVersion !== 0) values[':from'] = w.fromVersion;
  const field = (name: string, value: unknown) => {
    names[`#${name}`] = name;
    values[`:${name}`] = value;
    sets.push(`#${name} = :${name}`);
  };
  if (w.set.variants !== undefined) field('variants', w.set.variants);
  if (w.set.minPrice !== undefined) field('minPrice', w.set.minPrice);
  if (w.set.published !== undefined) field('published', w.set.published);
  if (w.set.featuredRank !== undefined) field('featuredRank', w.set.featuredRank);
  if (w.set.name !== undefined) field('name', w.set.name);
  if (w.set.description !== undefined) field('description', w.set.description);
  if (w.set.images !== undefined) field('images', w.set.images);
  Object.entries(w.set.stock ?? {}).forEach(([variantId, units], i) => {
    // Variant ids are data: placeholders, never spliced into the expression.
    names[`#v${i}`] = variantId;
    values[`:s${i}`] = units;
    sets.push(`stock.#v${i} = :s${i}`);
    const seen = w.stockSeen[variantId] ?? null;
    if (seen === null) conditions.push(`attribute_not_exists(stock.#v${i})`);
    else {
      values[`:seen${i}`] = seen;
      conditions.push(`stock.#v${i} = :seen${i}`);
    }
  });
  return writeWithAudit(
    {
      Update: {
        TableName: tableName('products'),
        Key: { id: w.id },
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    { table: 'productAudit', entry: w.audit },
  );
}

/** Up to `limit` entries, newest first; `afterEntryId` continues below that entry. */
export async function queryProductAudit(productId: string, limit: number, afterEntryId?: string): Promise<ProductAuditEntry[]> {
  return (await queryAuditTrail('productAudit', 'productId', productId, limit, afterEntryId)) as ProductAuditEntry[];
}

/** What the admin list shows and matches on: the long text (description, images) is left out of the read. */
export type AdminScanRecord = Pick<
  ProductRecord,
  'id' | 'slug' | 'name' | 'brand' | 'category' | 'published' | 'version' | 'featuredRank' | 'minPrice' | 'currency' | 'variants' | 'stock'
>;

/**
 * Every product, published or not, for the admin search: a projected Query of each allFeatured shard (every product
 * carries `listAll = ALL#<n>`, ADR 0033), all pages, never a Scan. Never on a shopper's path: marketers search a
 * catalog of thousands a few times a minute; see docs/merchandising.md for the limit. The caller sorts.
 */
export async function readProductsForAdmin(): Promise<AdminScanRecord[]> {
  return queryAllPartitions<AdminScanRecord>(listAllPartitions(), (partition) => ({
    TableName: tableName('products'),
    IndexName: PRODUCT_INDEXES.allFeatured,
    KeyConditionExpression: 'listAll = :all',
    ProjectionExpression: 'id, slug, #name, brand, category, published, #version, featuredRank, minPrice, currency, variants, stock',
    ExpressionAttributeNames: { '#name': 'name', '#version': 'version' },
    ExpressionAttributeValues: { ':all': partition },
  }));
}

/**
 * The same change for a product whose units are in the stock ledger (ADR 0029): each edited variant's new total is
 * spread over its shards, each conditional on the seq it was read at (a sale in between cancels the edit, and the
 * caller re-reads and says STOCK_CHANGED); publishing or unpublishing opens or closes every shard, so a checkout
 * priced before an unpublish still cannot take its units. The product item gets the settings and the new copy of
 * the totals; the audit entry goes in too. One transaction, all or nothing.
 */
async function writeLedgerProductChange(w: ProductWrite): Promise<'written' | 'cancelled'> {
  const shards = await readProductShards(w.id);
  const totals = unitsByVariant(shards);
  // A sale since the edit's read: the caller re-reads and tells the marketer (STOCK_CHANGED).
  for (const [variantId, seen] of Object.entries(w.stockSeen)) if ((totals[variantId] ?? 0) !== (seen ?? 0)) return 'cancelled';
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':next': w.fromVersion + 1 };
  const sets = ['#version = :next'];
  const condition = w.fromVersion === 0 ? 'attribute_exists(id) AND attribute_not_exists(#version)' : '#version = :from';
  if (w.fromVersion !== 0) values[':from'] = w.fromVersion;
  for (const [name, value] of Object.entries(w.set)) {
    if (value === undefined || name === 'stock') continue;
    names[`#${name}`] = name;
    values[`:${name}`] = value;
    sets.push(`#${name} = :${name}`);
  }
  const stockItems: TransactItem[] = [];
  let seq = seqOf(shards);
  Object.entries(w.set.stock ?? {}).forEach(([variantId, units], i) => {
    names[`#v${i}`] = variantId;
    values[`:s${i}`] = units;
    sets.push(`stock.#v${i} = :s${i}`);
    const written = setVariantItems(w.id, variantId, units, shards);
    seq += written.length;
    stockItems.push(...written);
  });
  if (stockItems.length > 0) {
    values[':seq'] = seq;
    sets.push('stockSeq = :seq');
  }
  // A shard the stock edit rewrites is opened or closed by that same Update (an item appears once per transaction).
  const edited = new Set(Object.keys(w.set.stock ?? {}));
  if (w.set.published !== undefined) {
    const closed = !w.set.published;
    stockItems.push(
      ...closeItems(
        w.id,
        shards.filter((s) => !edited.has(s.variantId)),
        closed,
      ),
    );
    for (const item of stockItems) {
      if (item.Put && closed) item.Put.Item = { ...item.Put.Item, closed: true };
      const u = item.Update;
      if (!u || !edited.has(String(u.Key?.slot).slice(0, String(u.Key?.slot).lastIndexOf('#')))) continue;
      u.UpdateExpression = closed ? `${u.UpdateExpression}, closed = :closed` : `${u.UpdateExpression} REMOVE closed`;
      if (closed) u.ExpressionAttributeValues = { ...u.ExpressionAttributeValues, ':closed': true };
    }
  }
  return writeWithAudit(
    [
      {
        Update: {
          TableName: tableName('products'),
          Key: { id: w.id },
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      ...stockItems,
    ],
    { table: 'productAudit', entry: w.audit },
  );
}
