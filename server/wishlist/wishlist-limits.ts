import { z } from 'zod';

/** A list is for keeping, not a second catalog: past this an add is refused with a message. */
export const MAX_WISHLIST_ITEMS = 100;

const idField = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'must be an id of letters, digits, "-" or "_"');

/** POST /api/wishlist/items. */
export const addWishlistItemSchema = z.object({ productId: idField, variantId: idField.nullish() });
export type AddWishlistItemInput = z.infer<typeof addWishlistItemSchema>;

export const wishlistProductIdSchema = idField;
