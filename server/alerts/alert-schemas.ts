import { z } from 'zod';

const idField = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'must be an id of letters, digits, "-" or "_"');

/** POST /api/stock-alerts. `email` is for guests; a signed-in shopper's alert goes to their account's address. */
export const stockAlertSchema = z.object({
  productId: idField,
  variantId: idField,
  email: z.string().trim().max(254).email('must be an email address').optional(),
});
export type StockAlertInput = z.infer<typeof stockAlertSchema>;

/** POST /api/price-alerts (opt-in for a wishlisted product). */
export const priceAlertSchema = z.object({ productId: idField });
