import { z } from 'zod';
import { SHOPPER_PARTS, type ShopperQuery } from './contract';

// GET /api/shopper's query, parsed on the server only: zod stays out of the catalog pages' browser bundle.

// The same id rule as GET /api/recently-viewed's `exclude` and the wishlist's product ids.
const productIdField = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, 'must be a product id');

export const shopperQuerySchema: z.ZodType<ShopperQuery, unknown> = z.object({
  include: z
    .string()
    .max(200)
    .optional()
    .transform((v) => (v ? v.split(',') : []))
    .pipe(z.array(z.enum(SHOPPER_PARTS)))
    .transform((parts) => [...new Set(parts)]),
  productId: productIdField.optional(),
});
