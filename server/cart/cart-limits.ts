import { z } from 'zod';

// Limits a shopper can reach through the UI; past them the request is refused with a message, never truncated.
export const MAX_LINE_QUANTITY = 99;
/** 50 lines keeps checkout's TransactWriteItems (one Update per product + order + idempotency + cart) under 100 items. */
export const MAX_CART_LINES = 50;

const idField = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'must be an id of letters, digits, "-" or "_"');

/** POST /api/cart/items. Unknown fields (a `price`, say) are stripped: prices only ever come from the catalog. */
export const addItemSchema = z.object({
  productId: idField,
  variantId: idField,
  quantity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(MAX_LINE_QUANTITY, `must be at most ${MAX_LINE_QUANTITY}`).default(1),
});
export type AddItemInput = z.infer<typeof addItemSchema>;

/** PATCH /api/cart/items/[lineId]: 0 removes the line. */
export const updateQuantitySchema = z.object({
  quantity: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(MAX_LINE_QUANTITY, `must be at most ${MAX_LINE_QUANTITY}`),
});

export const lineIdSchema = z.string().regex(/^ln_[A-Za-z0-9_-]{6,40}$/);
