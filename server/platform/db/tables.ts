import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { getConfig } from '../config';

// Every DynamoDB table the app uses, its keys and indexes. docs/data-model.md explains each access pattern.
// The local stack creates these idempotently; sst.config.ts mirrors them for AWS.

export const TABLE_KEYS = {
  products: 'products',
  stock: 'stock',
  categories: 'categories',
  carts: 'carts',
  orders: 'orders',
  orderNumbers: 'order-numbers',
  idempotency: 'idempotency',
  flags: 'flags',
  flagAudit: 'flag-audit',
  productAudit: 'product-audit',
  campaigns: 'campaigns',
  sales: 'sales',
  coPurchases: 'co-purchases',
  events: 'events',
  revokedSessions: 'revoked-sessions',
  payments: 'payments',
  notifications: 'notifications',
  accounts: 'accounts',
  promotions: 'promotions',
  promotionAudit: 'promotion-audit',
  promotionRedemptions: 'promotion-redemptions',
  wishlists: 'wishlists',
  alerts: 'alerts',
  reviews: 'reviews',
  outbox: 'outbox',
  fraudRules: 'fraud-rules',
  fraudRulesAudit: 'fraud-rules-audit',
} as const;
export type TableKey = keyof typeof TABLE_KEYS;

export function tableName(key: TableKey): string {
  return `${getConfig().TABLE_PREFIX}${TABLE_KEYS[key]}`;
}

/**
 * Tables whose items expire: guest carts (30 days), idempotency records (24 h), top-seller markers (past stream
 * retention), revoked sessions (once their access tokens have expired), published outbox entries (7 days). DynamoDB's TTL deletes lazily, so readers
 * also treat an expired item as gone.
 */
export const TABLE_TTL_ATTRIBUTES: Partial<Record<TableKey, string>> = {
  carts: 'expiresAt',
  idempotency: 'expiresAt',
  sales: 'expiresAt',
  coPurchases: 'expiresAt',
  events: 'expiresAt',
  revokedSessions: 'expiresAt',
  wishlists: 'expiresAt',
  outbox: 'expiresAt',
};

/** Alert subscriptions by owner (account deletion), reviews by status (moderation), by id (PATCH) and by author (account deletion). */
export const ENGAGEMENT_INDEXES = {
  alertsByOwner: 'byOwner',
  reviewsByStatus: 'byStatus',
  reviewsById: 'byReviewId',
  reviewsByAuthor: 'byAuthor',
  reviewsApprovedNewest: 'approvedNewest',
  reviewsApprovedRatingDesc: 'approvedRatingDesc',
  reviewsApprovedRatingAsc: 'approvedRatingAsc',
} as const;

/**
 * Orders by id alone (operations, the warehouse), by shopper email and by status (the operations console). byStatus is
 * keyed on `statusShard` = `<status>#<n>` (statusShardKey), so one status is STATUS_SHARDS partitions (ADR 0033).
 */
export const ORDER_INDEXES = {
  byOrderId: 'byOrderId',
  byEmail: 'byEmail',
  byStatus: 'byStatus',
} as const;

/** The event bus's sparse index of customer events not yet published (server/customer-events, the outbox relay). */
export const OUTBOX_INDEXES = { pending: 'byPending' } as const;

/** The account domain's sparse index of shoppers who said yes to marketing email (server/account). */
export const ACCOUNT_INDEXES = { byConsent: 'byConsent' } as const;

/**
 * Product listing indexes: one per (scope, sort). `listAll` = `ALL#<n>` (listAllKey): the whole catalog is
 * LISTING_SHARDS partitions of each all* index, read in parallel and merged in sort order (ADR 0033).
 */
export const PRODUCT_INDEXES = {
  bySlug: 'bySlug',
  categoryFeatured: 'categoryFeatured',
  categoryPrice: 'categoryPrice',
  categoryRating: 'categoryRating',
  categoryNewest: 'categoryNewest',
  allFeatured: 'allFeatured',
  allPrice: 'allPrice',
  allRating: 'allRating',
  allNewest: 'allNewest',
} as const;

// ---- Write shards (ADR 0033). A partition takes ~1,000 writes/s; the whole-catalog listings and a status of orders
// were one partition each. The shard of an item is a stable hash of its id, so an item never moves between shards
// (an order keeps its shard number through every status). Changing a count re-spreads nothing by itself: run
// `npm run reshard:listings` after it, and cursors issued before it are refused (400) because their shape no longer fits.

/** Shards of the products' all* indexes (`listAll`). */
export const LISTING_SHARDS = 8;
/** Shards of each status in the orders' byStatus index (`statusShard`). */
export const STATUS_SHARDS = 8;
/**
 * The value every product carried before the shards. Readers still query it as one more partition so a deployed
 * shop lists every product before and while `npm run reshard:listings` moves them; drop it from listAllPartitions
 * once every deployment has run that script (ADR 0033).
 */
export const UNSHARDED_LIST_ALL = 'ALL';

/** A stable shard number for an id: FNV-1a (32-bit) of its UTF-16 code units, modulo `shards`. */
export function shardOf(id: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

export type ListAllKey = `ALL#${number}`;

/** The `listAll` value a product is written with. */
export function listAllKey(productId: string): ListAllKey {
  return `ALL#${shardOf(productId, LISTING_SHARDS)}`;
}

/** Every partition of an all* index a reader must query (the shards, then the unsharded leftover). */
export function listAllPartitions(): string[] {
  return [...Array.from({ length: LISTING_SHARDS }, (_, n) => `ALL#${n}`), UNSHARDED_LIST_ALL];
}

/** The `statusShard` an order in `status` is written with: it changes with the status, its number never does. */
export function statusShardKey(status: string, orderId: string): string {
  return `${status}#${shardOf(orderId, STATUS_SHARDS)}`;
}

/** Every byStatus partition of one status. */
export function statusPartitions(status: string): string[] {
  return Array.from({ length: STATUS_SHARDS }, (_, n) => `${status}#${n}`);
}

// One table declaration: key attributes as `name` (a string) or `name:N` (a number), each index as [hash, range?].
// The attribute definitions follow from the keys, so a key cannot be declared with one type here and another there.
type IndexKeys = readonly [hash: string, range?: string];

function attribute(spec: string): { AttributeName: string; AttributeType: 'S' | 'N' } {
  const [AttributeName = spec, type] = spec.split(':');
  return { AttributeName, AttributeType: type === 'N' ? 'N' : 'S' };
}

function keySchema([hash, range]: IndexKeys) {
  return [
    { AttributeName: attribute(hash).AttributeName, KeyType: 'HASH' as const },
    ...(range ? [{ AttributeName: attribute(range).AttributeName, KeyType: 'RANGE' as const }] : []),
  ];
}

function table(
  key: TableKey,
  keys: IndexKeys,
  options: { indexes?: Record<string, IndexKeys>; stream?: 'NEW_IMAGE' | 'NEW_AND_OLD_IMAGES' } = {},
): CreateTableCommandInput {
  const indexes = Object.entries(options.indexes ?? {});
  const specs = [keys, ...indexes.map(([, k]) => k)].flatMap(([hash, range]) => (range ? [hash, range] : [hash]));
  const definitions = new Map(specs.map((spec) => [attribute(spec).AttributeName, attribute(spec)]));
  return {
    TableName: tableName(key),
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...definitions.values()],
    KeySchema: keySchema(keys),
    ...(indexes.length > 0
      ? { GlobalSecondaryIndexes: indexes.map(([IndexName, k]) => ({ IndexName, KeySchema: keySchema(k), Projection: { ProjectionType: 'ALL' as const } })) }
      : {}),
    ...(options.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: options.stream } } : {}),
  };
}

export function tableDefinitions(): CreateTableCommandInput[] {
  return [
    // The search index and cache invalidation follow product changes (including stock) from this stream.
    table('products', ['id'], {
      indexes: {
        [PRODUCT_INDEXES.bySlug]: ['slug'],
        [PRODUCT_INDEXES.categoryFeatured]: ['category', 'featuredRank:N'],
        [PRODUCT_INDEXES.categoryPrice]: ['category', 'minPrice:N'],
        [PRODUCT_INDEXES.categoryRating]: ['category', 'ratingSort:N'],
        [PRODUCT_INDEXES.categoryNewest]: ['category', 'createdAt'],
        [PRODUCT_INDEXES.allFeatured]: ['listAll', 'featuredRank:N'],
        [PRODUCT_INDEXES.allPrice]: ['listAll', 'minPrice:N'],
        [PRODUCT_INDEXES.allRating]: ['listAll', 'ratingSort:N'],
        [PRODUCT_INDEXES.allNewest]: ['listAll', 'createdAt'],
      },
      stream: 'NEW_AND_OLD_IMAGES',
    }),
    // The stock ledger (server/stock, ADR 0029): units per (product, `<variantId>#<shard>`), decremented by checkout
    // instead of the product item, so a sale never rewrites the product and its index projections.
    table('stock', ['productId', 'slot']),
    table('categories', ['slug']),
    table('carts', ['cartId']),
    // userId as partition key: "my orders" is one Query, and reading an order by (caller, id) is the ownership check.
    // orderId exists on every order, so byOrderId covers old items too; byStatus holds orders carrying `statusShard`
    // (every order written since ADR 0033; `npm run reshard:listings` adds it to older ones); byEmail is sparse (orders
    // written before checkout stored the email are found by id only). Order ids sort by time, so sorting by the
    // id is newest first.
    table('orders', ['userId', 'orderId'], {
      indexes: { [ORDER_INDEXES.byOrderId]: ['orderId'], [ORDER_INDEXES.byEmail]: ['email', 'orderId'], [ORDER_INDEXES.byStatus]: ['statusShard', 'orderId'] },
      stream: 'NEW_IMAGE',
    }),
    // Human order numbers (server/orders/order-number.ts): one item per number, Put with attribute_not_exists in
    // the checkout transaction (unique), and a GetItem resolves a number to its order (never a Scan).
    table('orderNumbers', ['number']),
    table('idempotency', ['key']),
    table('flags', ['key']),
    table('flagAudit', ['flagKey', 'entryId']),
    // Marketers' product edits (server/catalog/editing): one entry per change, newest last by entryId.
    table('productAudit', ['productId', 'entryId']),
    // Email campaigns (server/campaigns): the campaign item (sk 'campaign') with its send progress counters.
    table('campaigns', ['campaignId']),
    table('sales', ['pk', 'sk']),
    // "Bought together" (server/recommendations, docs/recommendations.md): pair counters `pair#<a>`/`<b>`, the top
    // list a product page reads with one GetItem (`top#<a>`/`top`) and the orders-stream markers (`order#<id>`).
    table('coPurchases', ['pk', 'sk']),
    // The payment ledger (server/payments): one item per money movement of an order, keyed by the movement's
    // idempotency key, so a movement is recorded once however often its event is delivered.
    table('payments', ['orderId', 'entryId']),
    // Sent-markers for email (server/notifications): one per (order, event), written before the send.
    table('notifications', ['orderId', 'event']),
    // Wishlists (server/wishlist): one item per (owner, product); owner `user#<sub>` or `guest#<id>` (guests expire).
    table('wishlists', ['ownerKey', 'productId']),
    // Back-in-stock and price-drop subscriptions (server/alerts), by product: the products stream asks
    // "who waits for this product?" in one Query.
    table('alerts', ['productId', 'subscriptionId'], { indexes: { [ENGAGEMENT_INDEXES.alertsByOwner]: ['ownerKey', 'subscriptionId'] } }),
    // Product reviews (server/reviews): one per (product, author), so "once per product" is a key condition.
    // byAuthor: account deletion finds the shopper's reviews to anonymise them (which re-keys them away from the id).
    // approved*: a product's approved reviews in each order the page offers, read a page at a time (Limit +
    // ExclusiveStartKey); sparse, because only an approved review carries `approvedFor` (= its productId).
    table('reviews', ['productId', 'authorId'], {
      indexes: {
        [ENGAGEMENT_INDEXES.reviewsByStatus]: ['status', 'createdAt'],
        [ENGAGEMENT_INDEXES.reviewsById]: ['reviewId'],
        [ENGAGEMENT_INDEXES.reviewsByAuthor]: ['authorId', 'createdAt'],
        [ENGAGEMENT_INDEXES.reviewsApprovedNewest]: ['approvedFor', 'createdAt'],
        [ENGAGEMENT_INDEXES.reviewsApprovedRatingDesc]: ['approvedFor', 'ratingNewest'],
        [ENGAGEMENT_INDEXES.reviewsApprovedRatingAsc]: ['approvedFor', 'ratingAscNewest'],
      },
    }),
    table('events', ['pk', 'sk']),
    // The shopper's account (server/account): one partition per user — 'consent', 'address#<id>' items — so
    // reading or erasing an account is one Query. byConsent is sparse: only granted consent items carry
    // consentList, so the campaign audience is one Query of that index.
    table('accounts', ['userId', 'item'], { indexes: { [ACCOUNT_INDEXES.byConsent]: ['consentList', 'userId'] } }),
    // Promotions (server/promotions, docs/promotions.md): one item per code, `redemptions` counted by checkout.
    table('promotions', ['code']),
    // Every marketer's change to a promotion, like flag-audit: sk = zero-padded version + '#' + time.
    table('promotionAudit', ['code', 'entryId']),
    // Fraud screening's rules (server/fraud, docs/fraud.md): one item per rule set ('checkout'), versioned.
    table('fraudRules', ['ruleSet']),
    // Every change operations made to the rules, like promotion-audit: sk = zero-padded version + '#' + time.
    table('fraudRulesAudit', ['ruleSet', 'entryId']),
    // Uses of a code per customer (the per-customer limit): `uses` counted inside the checkout transaction.
    table('promotionRedemptions', ['code', 'customerKey']),
    // The customer-event outbox (server/customer-events, ADR 0009): one item per event, written in the same transaction
    // as the change it reports. byPending is sparse: only unpublished entries carry `pending`, sorted by the time
    // their current owner's claim runs out, so the relay's work is one Query.
    table('outbox', ['eventId'], { indexes: { [OUTBOX_INDEXES.pending]: ['pending', 'claimUntil:N'] } }),
    // Signed-out sessions: one item per revoked token id (`origin_jti`, else `jti`) until its tokens expire, and
    // per-user markers `user:<sub>` (sessions signed in before a password change or an account deletion).
    table('revokedSessions', ['tokenId']),
  ];
}
