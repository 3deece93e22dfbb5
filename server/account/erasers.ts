import { eraseUserAlerts } from '../alerts';
import { eraseCartOf } from '../cart';
import { eraseInteractionsOf } from '../interactions';
import { anonymiseOrdersOf } from '../orders';
import { batchDeleteAll, queryPages, tableName } from '../platform/db';
import { anonymiseReviewsOf } from '../reviews';
import { eraseUserWishlist } from '../wishlist';

// Everything account deletion erases or anonymises, in one list (docs/privacy.md mirrors it). Another domain that
// keeps personal data per shopper adds its eraser here in one line — an idempotent `(userId) => Promise<unknown>`
// exported from its public index, as the wishlist's and the stock alerts' are. A static list
// rather than runtime registration: Next bundles each route separately, and a hook registered by a module the
// deletion route never imports would silently not run.

export type Eraser = { name: string; erase: (userId: string) => Promise<unknown> };

/** The account's own partition: marketing consent and every saved address. */
async function eraseAccountItems(userId: string): Promise<number> {
  let count = 0;
  for await (const page of queryPages({
    TableName: tableName('accounts'),
    KeyConditionExpression: 'userId = :u',
    ExpressionAttributeValues: { ':u': userId },
    ProjectionExpression: 'userId, #item',
    ExpressionAttributeNames: { '#item': 'item' },
  })) {
    const keys = (page.Items ?? []).map((i) => ({ userId: i.userId, item: i.item }));
    await batchDeleteAll(tableName('accounts'), keys);
    count += keys.length;
  }
  return count;
}

export const ERASERS: readonly Eraser[] = [
  { name: 'addresses and consent', erase: eraseAccountItems },
  { name: 'interaction events', erase: eraseInteractionsOf },
  { name: 'saved cart', erase: eraseCartOf },
  { name: 'wishlist', erase: eraseUserWishlist },
  { name: 'stock and price alerts', erase: eraseUserAlerts },
  { name: 'orders (anonymised, kept)', erase: anonymiseOrdersOf },
  { name: 'reviews (author anonymised, rating kept)', erase: anonymiseReviewsOf },
];
