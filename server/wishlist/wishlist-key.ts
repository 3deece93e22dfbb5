import type { WishlistOwner } from './wishlist-types';

/** The wishlists table's partition key (docs/engagement.md). */
export function wishlistKey(owner: WishlistOwner): string {
  return owner.kind === 'user' ? `user#${owner.userId}` : `guest#${owner.guestId}`;
}
