import { z } from 'zod';
import { categorySlugSchema } from '@/server/catalog';
import { parseQuery, route } from '@/server/http/respond';
import { listQuery } from '@/server/pagination/cursor';
import { searchProducts, SEARCH_MAX_QUERY_LENGTH, SEARCH_SORTS } from '@/server/search';

// GET /api/search (API.md): q, category, minPrice, maxPrice, minRating, inStock, sort, cursor, limit.
// Bad input is a 400 with the error shape, never a 500.

export const dynamic = 'force-dynamic';

// Money is integer minor units; a fractional or negative price bound is a mistake worth reporting.
const cents = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const querySchema = z
  .object({
    q: z.string().max(SEARCH_MAX_QUERY_LENGTH).default(''),
    category: categorySlugSchema.optional(),
    minPrice: cents.optional(),
    maxPrice: cents.optional(),
    minRating: z.coerce.number().min(0).max(5).optional(),
    inStock: z
      .enum(['true', 'false', '1', '0'])
      .transform((v) => v === 'true' || v === '1')
      .optional(),
    sort: z.enum(SEARCH_SORTS).default('relevance'),
    ...listQuery,
  })
  .refine((v) => v.minPrice === undefined || v.maxPrice === undefined || v.minPrice <= v.maxPrice, {
    message: 'minPrice must not be greater than maxPrice',
    path: ['minPrice'],
  });

export const GET = route(async (req) => {
  const query = parseQuery(req, querySchema);
  return Response.json(await searchProducts(query));
});
