import { trackAnalytics } from '@/server/analytics';
import { parseQuery, route } from '@/server/platform/http/respond';
import { searchProducts, searchQuerySchema } from '@/server/search';

// GET /api/search (API.md): q, category, minPrice, maxPrice, minRating, inStock, sort, cursor, limit.
// Bad input is a 400 with the error shape, never a 500.

export const dynamic = 'force-dynamic';

export const GET = route(async (req) => {
  const query = parseQuery(req, searchQuerySchema);
  const result = await searchProducts(query);
  if (!query.cursor) trackAnalytics({ type: 'search', query: query.q, resultCount: result.total }, { request: req });
  return Response.json(result);
});
