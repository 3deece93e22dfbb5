import { z } from 'zod';

/** The body of POST /api/orders/[id]/returns (API.md); `productId` only when two lines share a variant id. */
export const returnRequestSchema = z.object({
  lines: z
    .array(
      z.object({
        variantId: z.string().min(1).max(100),
        productId: z.string().min(1).max(100).optional(),
        quantity: z.number().int().min(1).max(1_000),
      }),
    )
    .min(1)
    .max(100),
  reason: z.string().trim().min(1).max(500),
});
