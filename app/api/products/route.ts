import { z } from 'zod';
import { categorySlugSchema, listProducts, PRODUCT_SORTS } from '@/server/catalog';
import { parseQuery, route } from '@/server/platform/http/respond';
import { listQuery } from '@/server/platform/pagination';

const querySchema = z.object({
  category: categorySlugSchema.optional(),
  sort: z.enum(PRODUCT_SORTS).default('featured'),
  ...listQuery,
});

export const GET = route(async (req) => {
  const query = parseQuery(req, querySchema);
  return Response.json(await listProducts(query));
});
