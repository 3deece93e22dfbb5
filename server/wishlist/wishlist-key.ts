import type { WishlistOwner } from './contract';

/** The wishlists table's partition key (docs/engagement.md). */
export function wishlistKey(owner: WishlistOwner): string {
  return owner.kind === 'user' ? `user#${owner.userId}` : `guest#${owner.guestId}`;
}
