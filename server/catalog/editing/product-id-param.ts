import { z } from 'zod';
import { validationError } from '../../platform/http/respond';
import { PRODUCT_ID_PATTERN } from '../import/product-id';

// The [id] segment of the admin product routes, validated like any other input (400 for a malformed id).
export type ProductRouteContext = { params: Promise<{ id: string }> };

export async function productIdParam(ctx: ProductRouteContext): Promise<string> {
  const parsed = z.object({ id: z.string().regex(PRODUCT_ID_PATTERN) }).safeParse(await ctx.params);
  if (!parsed.success) throw validationError(parsed.error, 'The product id is not valid.');
  return parsed.data.id;
}
