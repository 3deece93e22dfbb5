import type { ProductSummary } from '../catalog';
import type { Money } from '../platform/money';

/** Whose wishlist: a signed-in shopper's, or a guest's named by the signed `sf_wish` cookie. */
export type WishlistOwner = { kind: 'user'; userId: string } | { kind: 'guest'; guestId: string };

/** The stored item: never a price or a name, which are read from the catalog on every read. */
export type StoredWishlistItem = {
  ownerKey: string;
  productId: string;
  variantId: string | null;
  addedAt: string;
  expiresAt?: number;
};

export type WishlistItem = { productId: string; variantId: string | null; addedAt: string; product: ProductSummary };
export type Wishlist = { items: WishlistItem[] };
export type WishlistPageItem = WishlistItem & { variants: { id: string; label: string; price: Money; available: number }[] };
