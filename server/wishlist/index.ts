import 'server-only';

// Public entry of the wishlist domain (docs/engagement.md). Core functions take the owner explicitly;
// current-wishlist.ts derives it from the session or the signed guest cookie.
export { currentWishlistOwner, mergeWishlistOnSignIn } from './current-wishlist';
export { addWishlistItem, eraseUserWishlist, getWishlist, getWishlistForPage, removeWishlistItem, wishlistProductIds } from './wishlist';
export { addWishlistItemSchema, wishlistProductIdSchema } from './wishlist-limits';
