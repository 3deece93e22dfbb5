import { getProductRecords, toProductSummary } from '../catalog';
import { AppError } from '../platform/errors';
import { money } from '../platform/money';
import type { StoredWishlistItem, Wishlist, WishlistOwner, WishlistPageItem } from './contract';
import { wishlistKey } from './wishlist-key';
import { type AddWishlistItemInput, MAX_WISHLIST_ITEMS } from './wishlist-limits';
import { addStoredWishlistItem, deleteStoredWishlist, deleteStoredWishlistItem, readStoredWishlist } from './wishlist-store';

// The wishlist's rules, with the owner passed in (current-wishlist.ts derives it from the request).

async function present(items: StoredWishlistItem[]): Promise<Wishlist> {
  const products = await getProductRecords(items.map((i) => i.productId));
  const shown = items
    // A withdrawn product leaves the list quietly: there is nothing left to show or buy.
    .filter((i) => products.has(i.productId))
    .sort((a, b) => (a.addedAt < b.addedAt ? 1 : a.addedAt > b.addedAt ? -1 : a.productId.localeCompare(b.productId)))
    .map((i) => ({ productId: i.productId, variantId: i.variantId ?? null, addedAt: i.addedAt, product: toProductSummary(products.get(i.productId)!) }));
  return { items: shown };
}

export async function getWishlist(owner: WishlistOwner): Promise<Wishlist> {
  return present(await readStoredWishlist(wishlistKey(owner)));
}

/**
 * Just the ids on the list, for the hearts of a catalog page (GET /api/shopper?include=wishlist): one Query of the
 * owner's items and no product reads, since the cards around the hearts already show the products.
 */
export async function wishlistProductIds(owner: WishlistOwner): Promise<string[]> {
  return (await readStoredWishlist(wishlistKey(owner))).map((i) => i.productId);
}

/** For the /wishlist page: each item with its variants and their stock, so "Move to cart" can pick one. */
export async function getWishlistForPage(owner: WishlistOwner): Promise<WishlistPageItem[]> {
  const { items } = await getWishlist(owner);
  const records = await getProductRecords(items.map((i) => i.productId));
  return items.map((item) => {
    const record = records.get(item.productId)!;
    const variants = record.variants.map((v) => ({
      id: v.id,
      label: Object.values(v.options).join(' / ') || record.name,
      price: money(v.price, record.currency),
      available: Math.max(0, record.stock[v.id] ?? 0),
    }));
    return { ...item, variants };
  });
}

export async function addWishlistItem(owner: WishlistOwner, input: AddWishlistItemInput): Promise<Wishlist> {
  const key = wishlistKey(owner);
  const record = (await getProductRecords([input.productId])).get(input.productId);
  if (!record) throw new AppError('NOT_FOUND', `There is no product "${input.productId}".`);
  if (input.variantId && !record.variants.some((v) => v.id === input.variantId)) {
    throw new AppError('NOT_FOUND', `${record.name} has no variant "${input.variantId}".`);
  }
  // The cap is checked inside the write (wishlist-store.ts), so parallel adds cannot overfill the list (issue 30 L2).
  const outcome = await addStoredWishlistItem(key, input.productId, input.variantId);
  if (outcome === 'full') {
    throw new AppError('CONFLICT', `Your wishlist can hold at most ${MAX_WISHLIST_ITEMS} products. Remove one to add another.`);
  }
  if (outcome === 'busy') throw new AppError('CONFLICT', 'Your wishlist changed at the same time. Please try again.');
  return getWishlist(owner);
}

/** Removing a product that is not on the list is not an error: the list simply does not have it. */
export async function removeWishlistItem(owner: WishlistOwner, productId: string): Promise<Wishlist> {
  await deleteStoredWishlistItem(wishlistKey(owner), productId);
  return getWishlist(owner);
}

/**
 * Sign-in: every guest item joins the user's list (an item already there keeps its own date and variant), then
 * the guest list is deleted. Each step is idempotent, so a retried or interrupted merge never duplicates an item.
 * Items past the limit stay behind rather than overfill the list.
 */
export async function mergeGuestWishlist(guestId: string, userId: string): Promise<void> {
  const guestKey = wishlistKey({ kind: 'guest', guestId });
  const userKey = wishlistKey({ kind: 'user', userId });
  const [guest, user] = await Promise.all([readStoredWishlist(guestKey), readStoredWishlist(userKey)]);
  if (guest.length === 0) return;
  const have = new Set(user.map((i) => i.productId));
  for (const item of guest) {
    if (have.has(item.productId)) continue;
    // The guest's variant only fills an item the user lacks; the cap holds here too (a full list stops the merge).
    if ((await addStoredWishlistItem(userKey, item.productId, item.variantId, item.addedAt)) === 'full') break;
  }
  await deleteStoredWishlist(guestKey, guest);
}

/** Account deletion: the user's whole list. */
export async function eraseUserWishlist(userId: string): Promise<void> {
  const key = wishlistKey({ kind: 'user', userId });
  await deleteStoredWishlist(key, await readStoredWishlist(key));
}
