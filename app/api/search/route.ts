import { trackAnalytics } from '@/server/analytics';
import { parseQuery, route } from '@/server/platform/http/respond';
import { SEARCH_LIST_PARAMS, searchProducts, searchQuerySchema } from '@/server/search';

// GET /api/search (API.md): q, category, minPrice, maxPrice, minRating, inStock, sort, cursor, limit; brand, size and
// colour once per value (additive, issue 27).
// Bad input is a 400 with the error shape, never a 500.

export const dynamic = 'force-dynamic';

export const GET = route(async (req) => {
  const query = parseQuery(req, searchQuerySchema, SEARCH_LIST_PARAMS);
  const result = await searchProducts(query);
  if (!query.cursor) trackAnalytics({ type: 'search', query: query.q, resultCount: result.total }, { request: req });
  return Response.json(result);
});
