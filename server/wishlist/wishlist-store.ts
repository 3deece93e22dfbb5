import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../aws/clients';
import { tableName } from '../db';
import type { StoredWishlistItem } from './wishlist-types';

// The wishlists table adapter: one item per (owner, product), so "adding twice keeps one" is the key itself.

const GUEST_TTL_SECONDS = 30 * 24 * 60 * 60;

export async function readStoredWishlist(ownerKey: string): Promise<StoredWishlistItem[]> {
  const items: StoredWishlistItem[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    // Strongly consistent: a heart just pressed must show on the next read.
    const out = await dynamoDoc().send(
      new QueryCommand({
        TableName: tableName('wishlists'),
        KeyConditionExpression: 'ownerKey = :o',
        ExpressionAttributeValues: { ':o': ownerKey },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...((out.Items ?? []) as StoredWishlistItem[]));
    start = out.LastEvaluatedKey;
  } while (start);
  const now = Date.now() / 1000;
  // TTL deletes late: an expired guest item is gone for the reader.
  return items.filter((i) => i.expiresAt === undefined || i.expiresAt > now);
}

/** Creates the item, or keeps the first one's addedAt (adding twice keeps one); a given variant replaces the old. */
export async function upsertStoredWishlistItem(
  ownerKey: string,
  productId: string,
  variantId: string | null | undefined,
  addedAt = new Date().toISOString(),
): Promise<void> {
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
  if (guest) {
    sets.push('expiresAt = :exp');
    values[':exp'] = Math.floor(Date.now() / 1000) + GUEST_TTL_SECONDS;
  }
  await dynamoDoc().send(
    new UpdateCommand({
      TableName: tableName('wishlists'),
      Key: { ownerKey, productId },
      UpdateExpression: `SET ${sets.join(', ')}`,
      ExpressionAttributeValues: values,
    }),
  );
}

export async function deleteStoredWishlistItem(ownerKey: string, productId: string): Promise<void> {
  await dynamoDoc().send(new DeleteCommand({ TableName: tableName('wishlists'), Key: { ownerKey, productId } }));
}

/** Deletes every item of one owner (a merged guest list, an erased account); at most 100, so one Delete each. */
export async function deleteStoredWishlist(ownerKey: string, items: readonly StoredWishlistItem[]): Promise<void> {
  await Promise.all(items.map((item) => deleteStoredWishlistItem(ownerKey, item.productId)));
}
