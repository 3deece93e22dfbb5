import { DeleteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { isTransactionCanceled, queryAll, readCapGuard, tableName } from '../platform/db';
import type { StoredWishlistItem } from './contract';
import { MAX_WISHLIST_ITEMS } from './wishlist-limits';

// The wishlists table adapter: one item per (owner, product), so "adding twice keeps one" is the key itself.
// Plus one guard item per owner (productId `#guard`, which no product id can be: ids start with a letter or digit)
// that makes the 100-item cap part of the write (issue 30 L2, server/platform/db/cap-guard.ts).

const GUEST_TTL_SECONDS = 30 * 24 * 60 * 60;
const GUARD = '#guard';
/** Parallel adds that lost the guard's race read and count again this many times before answering "busy". */
const GUARDED_ATTEMPTS = 4;

export async function readStoredWishlist(ownerKey: string): Promise<StoredWishlistItem[]> {
  // Strongly consistent: a heart just pressed must show on the next read.
  const items = await queryAll<StoredWishlistItem>({
    TableName: tableName('wishlists'),
    KeyConditionExpression: 'ownerKey = :o',
    ExpressionAttributeValues: { ':o': ownerKey },
    ConsistentRead: true,
  });
  const now = Date.now() / 1000;
  // TTL deletes late: an expired guest item is gone for the reader. The guard is not a product.
  return items.filter((i) => i.productId !== GUARD && (i.expiresAt === undefined || i.expiresAt > now));
}

/** What a guarded add did: stored (new or kept), refused by the cap, or lost every race with parallel adds. */
export type GuardedAddOutcome = 'stored' | 'full' | 'busy';

/**
 * Creates the item, or keeps the first one's addedAt (adding twice keeps one); a given variant replaces the old.
 * A product new to the list is written only while the list holds fewer than MAX_WISHLIST_ITEMS, in one
 * transaction with the owner's guard item, so parallel adds cannot overfill it.
 */
export async function addStoredWishlistItem(
  ownerKey: string,
  productId: string,
  variantId: string | null | undefined,
  addedAt = new Date().toISOString(),
): Promise<GuardedAddOutcome> {
  const guest = ownerKey.startsWith('guest#');
  const sets = ['addedAt = if_not_exists(addedAt, :now)'];
  const values: Record<string, unknown> = { ':now': addedAt };
  if (variantId !== undefined) {
    sets.push('variantId = :v');
    values[':v'] = variantId;
  } else {
    sets.push('variantId = if_not_exists(variantId, :null)');
    values[':null'] = null;
  }
  const expiresAt = guest ? Math.floor(Date.now() / 1000) + GUEST_TTL_SECONDS : undefined;
  if (expiresAt !== undefined) {
    sets.push('expiresAt = :exp');
    values[':exp'] = expiresAt;
  }
  const table = tableName('wishlists');
  for (let attempt = 1; attempt <= GUARDED_ATTEMPTS; attempt++) {
    // The guard first, then the count (cap-guard.ts).
    const guard = await readCapGuard(table, { ownerKey, productId: GUARD });
    const items = await readStoredWishlist(ownerKey);
    const isNew = !items.some((i) => i.productId === productId);
    if (isNew && items.length >= MAX_WISHLIST_ITEMS) return 'full';
    try {
      await dynamoDoc().send(
        new TransactWriteCommand({
          TransactItems: [
            { Update: { TableName: table, Key: { ownerKey, productId }, UpdateExpression: `SET ${sets.join(', ')}`, ExpressionAttributeValues: values } },
            // Bumped on every add, a kept one too: a parallel add that counted this product as absent must count again.
            guard.bump(expiresAt === undefined ? {} : { expiresAt }),
          ],
        }),
      );
      return 'stored';
    } catch (err) {
      if (!isTransactionCanceled(err)) throw err;
    }
  }
  return 'busy';
}

export async function deleteStoredWishlistItem(ownerKey: string, productId: string): Promise<void> {
  await dynamoDoc().send(new DeleteCommand({ TableName: tableName('wishlists'), Key: { ownerKey, productId } }));
}

/** Deletes every item of one owner and its guard (a merged guest list, an erased account); at most 100, so one Delete each. */
export async function deleteStoredWishlist(ownerKey: string, items: readonly StoredWishlistItem[]): Promise<void> {
  await Promise.all([...items.map((item) => item.productId), GUARD].map((productId) => deleteStoredWishlistItem(ownerKey, productId)));
}
