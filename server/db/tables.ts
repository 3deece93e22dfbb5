import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { getConfig } from '../config';

// Every DynamoDB table the app uses, its keys and indexes. docs/data-model.md explains each access pattern.
// The local stack creates these idempotently; sst.config.ts mirrors them for AWS.

export const TABLE_KEYS = {
  products: 'products',
  categories: 'categories',
  carts: 'carts',
  orders: 'orders',
  idempotency: 'idempotency',
  flags: 'flags',
  flagAudit: 'flag-audit',
  productAudit: 'product-audit',
  campaigns: 'campaigns',
  sales: 'sales',
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
} as const;

/** Orders by id alone (operations, the warehouse), by shopper email and by status (the operations console). */
export const ORDER_INDEXES = {
  byOrderId: 'byOrderId',
  byEmail: 'byEmail',
  byStatus: 'byStatus',
} as const;

/** The event bus's sparse index of customer events not yet published (server/event-bus, the outbox relay). */
export const OUTBOX_INDEXES = { pending: 'byPending' } as const;

/** The account domain's sparse index of shoppers who said yes to marketing email (server/account). */
export const ACCOUNT_INDEXES = { byConsent: 'byConsent' } as const;

/** Product listing indexes: one per (scope, sort). `listAll` is the constant 'ALL' so the whole catalog can be sorted. */
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

const S = 'S' as const;
const N = 'N' as const;
const allProjection = { ProjectionType: 'ALL' as const };

function gsi(IndexName: string, hash: string, range?: string) {
  return {
    IndexName,
    KeySchema: [{ AttributeName: hash, KeyType: 'HASH' as const }, ...(range ? [{ AttributeName: range, KeyType: 'RANGE' as const }] : [])],
    Projection: allProjection,
  };
}

export function tableDefinitions(): CreateTableCommandInput[] {
  return [
    {
      TableName: tableName('products'),
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'id', AttributeType: S },
        { AttributeName: 'slug', AttributeType: S },
        { AttributeName: 'category', AttributeType: S },
        { AttributeName: 'listAll', AttributeType: S },
        { AttributeName: 'featuredRank', AttributeType: N },
        { AttributeName: 'minPrice', AttributeType: N },
        { AttributeName: 'ratingSort', AttributeType: N },
        { AttributeName: 'createdAt', AttributeType: S },
      ],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      GlobalSecondaryIndexes: [
        gsi(PRODUCT_INDEXES.bySlug, 'slug'),
        gsi(PRODUCT_INDEXES.categoryFeatured, 'category', 'featuredRank'),
        gsi(PRODUCT_INDEXES.categoryPrice, 'category', 'minPrice'),
        gsi(PRODUCT_INDEXES.categoryRating, 'category', 'ratingSort'),
        gsi(PRODUCT_INDEXES.categoryNewest, 'category', 'createdAt'),
        gsi(PRODUCT_INDEXES.allFeatured, 'listAll', 'featuredRank'),
        gsi(PRODUCT_INDEXES.allPrice, 'listAll', 'minPrice'),
        gsi(PRODUCT_INDEXES.allRating, 'listAll', 'ratingSort'),
        gsi(PRODUCT_INDEXES.allNewest, 'listAll', 'createdAt'),
      ],
      // The search index and cache invalidation follow product changes (including stock) from this stream.
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    },
    {
      TableName: tableName('categories'),
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'slug', AttributeType: S }],
      KeySchema: [{ AttributeName: 'slug', KeyType: 'HASH' }],
    },
    {
      TableName: tableName('carts'),
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'cartId', AttributeType: S }],
      KeySchema: [{ AttributeName: 'cartId', KeyType: 'HASH' }],
    },
    {
      TableName: tableName('orders'),
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'userId', AttributeType: S },
        { AttributeName: 'orderId', AttributeType: S },
        { AttributeName: 'email', AttributeType: S },
        { AttributeName: 'status', AttributeType: S },
      ],
      // userId as partition key: "my orders" is one Query, and reading an order by (caller, id) is the ownership check.
      KeySchema: [
        { AttributeName: 'userId', KeyType: 'HASH' },
        { AttributeName: 'orderId', KeyType: 'RANGE' },
      ],
      // orderId and status exist on every order, so those indexes cover old items too; byEmail is sparse (orders
      // written before checkout stored the email are found by id only). Order ids sort by time, so sorting by the
      // id is newest first.
      GlobalSecondaryIndexes: [
        gsi(ORDER_INDEXES.byOrderId, 'orderId'),
        gsi(ORDER_INDEXES.byEmail, 'email', 'orderId'),
        gsi(ORDER_INDEXES.byStatus, 'status', 'orderId'),
      ],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
    },
    {
      TableName: tableName('idempotency'),
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'key', AttributeType: S }],
      KeySchema: [{ AttributeName: 'key', KeyType: 'HASH' }],
    },
    {
      TableName: tableName('flags'),
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'key', AttributeType: S }],
      KeySchema: [{ AttributeName: 'key', KeyType: 'HASH' }],
    },
    {
      TableName: tableName('flagAudit'),
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'flagKey', AttributeType: S },
        { AttributeName: 'entryId', AttributeType: S },
      ],
      KeySchema: [
        { AttributeName: 'flagKey', KeyType: 'HASH' },
        { AttributeName: 'entryId', KeyType: 'RANGE' },
      ],
    },
    {
      // Marketers' product edits (server/catalog/editing): one entry per change, newest last by entryId.
      TableName: tableName('productAudit'),
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'productId', AttributeType: S },
        { AttributeName: 'entryId', AttributeType: S },
      ],
      KeySchema: [
        { AttributeName: 'productId', KeyType: 'HASH' },
        { AttributeName: 'entryId', KeyType: 'RANGE' },
      ],
    },
    {
      // Email campaigns (server/campaigns): the campaign item (sk 'campaign') with its send progress counters.
      TableName: tableName('campaigns'),
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'campaignId', AttributeType: S }],
      KeySchema: [{ AttributeName: 'campaignId', KeyType: 'HASH' }],
    },
    {
      TableName: tableName('sales'),
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: S },
        { AttributeName: 'sk', AttributeType: S },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    },
    {
      // The payment ledger (server/payments): one item per money movement of an order, keyed by the movement's
      // idempotency key, so a movement is recorded once however often its event is delivered.
      TableName: tableName('payments'),
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'orderId', AttributeType: S },
        { AttributeName: 'entryId', AttributeType: S },
      ],
      KeySchema: [
        { AttributeName: 'orderId', KeyType: 'HASH' },
        { AttributeName: 'entryId', KeyType: 'RANGE' },
      ],
    },
    {
      // Sent-markers for email (server/notifications): one per (order, event), written before the send.
      TableName: tableName('notifications'),
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'orderId', AttributeType: S },
        { AttributeName: 'event', AttributeType: S },
      ],
      KeySchema: [
        { AttributeName: 'orderId', KeyType: 'HASH' },
        { AttributeName: 'event', KeyType: 'RANGE' },
      ],
    },
    {
      // Wishlists (server/wishlist): one item per (owner, product); owner `user#<sub>` or `guest#<id>` (guests expire).
      TableName: tableName('wishlists'),
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'ownerKey', AttributeType: S },
        { AttributeName: 'productId', AttributeType: S },
      ],
      KeySchema: [
        { AttributeName: 'ownerKey', KeyType: 'HASH' },
        { AttributeName: 'productId', KeyType: 'RANGE' },
      ],
    },
    {
      // Back-in-stock and price-drop subscriptions (server/alerts), by product: the products stream asks
      // "who waits for this product?" in one Query.
      TableName: tableName('alerts'),
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'productId', AttributeType: S },
        { AttributeName: 'subscriptionId', AttributeType: S },
        { AttributeName: 'ownerKey', AttributeType: S },
      ],
      KeySchema: [
        { AttributeName: 'productId', KeyType: 'HASH' },
        { AttributeName: 'subscriptionId', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [gsi(ENGAGEMENT_INDEXES.alertsByOwner, 'ownerKey', 'subscriptionId')],
    },
    {
      // Product reviews (server/reviews): one per (product, author), so "once per product" is a key condition.
      TableName: tableName('reviews'),
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'productId', AttributeType: S },
        { AttributeName: 'authorId', AttributeType: S },
        { AttributeName: 'status', AttributeType: S },
        { AttributeName: 'createdAt', AttributeType: S },
        { AttributeName: 'reviewId', AttributeType: S },
      ],
      KeySchema: [
        { AttributeName: 'productId', KeyType: 'HASH' },
        { AttributeName: 'authorId', KeyType: 'RANGE' },
      ],
      // byAuthor: account deletion finds the shopper's reviews to anonymise them (which re-keys them away from the id).
      GlobalSecondaryIndexes: [
        gsi(ENGAGEMENT_INDEXES.reviewsByStatus, 'status', 'createdAt'),
        gsi(ENGAGEMENT_INDEXES.reviewsById, 'reviewId'),
        gsi(ENGAGEMENT_INDEXES.reviewsByAuthor, 'authorId', 'createdAt'),
      ],
    },
    {
      TableName: tableName('events'),
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: S },
        { AttributeName: 'sk', AttributeType: S },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    },
    {
      // The shopper's account (server/account): one partition per user — 'consent', 'address#<id>' items — so
      // reading or erasing an account is one Query. byConsent is sparse: only granted consent items carry
      // consentList, so the campaign audience is one Query of that index.
      TableName: tableName('accounts'),
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'userId', AttributeType: S },
        { AttributeName: 'item', AttributeType: S },
        { AttributeName: 'consentList', AttributeType: S },
      ],
      KeySchema: [
        { AttributeName: 'userId', KeyType: 'HASH' },
        { AttributeName: 'item', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [gsi(ACCOUNT_INDEXES.byConsent, 'consentList', 'userId')],
    },
    {
      // Promotions (server/promotions, docs/promotions.md): one item per code, `redemptions` counted by checkout.
      TableName: tableName('promotions'),
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'code', AttributeType: S }],
      KeySchema: [{ AttributeName: 'code', KeyType: 'HASH' }],
    },
    {
      // Every marketer's change to a promotion, like flag-audit: sk = zero-padded version + '#' + time.
      TableName: tableName('promotionAudit'),
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'code', AttributeType: S },
        { AttributeName: 'entryId', AttributeType: S },
      ],
      KeySchema: [
        { AttributeName: 'code', KeyType: 'HASH' },
        { AttributeName: 'entryId', KeyType: 'RANGE' },
      ],
    },
    {
      // Uses of a code per customer (the per-customer limit): `uses` counted inside the checkout transaction.
      TableName: tableName('promotionRedemptions'),
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'code', AttributeType: S },
        { AttributeName: 'customerKey', AttributeType: S },
      ],
      KeySchema: [
        { AttributeName: 'code', KeyType: 'HASH' },
        { AttributeName: 'customerKey', KeyType: 'RANGE' },
      ],
    },
    {
      // The customer-event outbox (server/event-bus, ADR 0009): one item per event, written in the same transaction
      // as the change it reports. byPending is sparse: only unpublished entries carry `pending`, sorted by the time
      // their current owner's claim runs out, so the relay's work is one Query.
      TableName: tableName('outbox'),
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'eventId', AttributeType: S },
        { AttributeName: 'pending', AttributeType: S },
        { AttributeName: 'claimUntil', AttributeType: N },
      ],
      KeySchema: [{ AttributeName: 'eventId', KeyType: 'HASH' }],
      GlobalSecondaryIndexes: [gsi(OUTBOX_INDEXES.pending, 'pending', 'claimUntil')],
    },
    {
      // Signed-out sessions: one item per revoked token id (`origin_jti`, else `jti`) until its tokens expire, and
      // per-user markers `user:<sub>` (sessions signed in before a password change or an account deletion).
      TableName: tableName('revokedSessions'),
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'tokenId', AttributeType: S }],
      KeySchema: [{ AttributeName: 'tokenId', KeyType: 'HASH' }],
    },
  ];
}
