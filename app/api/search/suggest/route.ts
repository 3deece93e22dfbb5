import { z } from 'zod';
import { CATALOG_PAGE_CACHE_CONTROL } from '@/server/platform/http/catalog-pages';
import { parseQuery, route } from '@/server/platform/http/respond';
import { SUGGEST_LIMIT, suggestProducts } from '@/server/search';

// GET /api/search/suggest?q=…&limit=… → the same shape as GET /api/search ({ items, total, facets, nextCursor,
// suggestions? }) for the header's type-ahead (README "Search suggestions"). Differences: no filters, at most 10
// items, a corrected query when the words as typed find nothing (suggestions.didYouMean[0] is then what `items`
// are for), no search analytics (a keystroke is not a search), and cacheable: the answer depends on the URL only,
// so the shared cache keeps it as briefly as a catalog page (middleware sets no cookie on it: cacheable-paths.ts).

export const dynamic = 'force-dynamic';

const query = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(10).default(SUGGEST_LIMIT),
});

export const GET = route(async (req) => {
  const { q, limit } = parseQuery(req, query);
  return Response.json(await suggestProducts(q, limit), { headers: { 'Cache-Control': CATALOG_PAGE_CACHE_CONTROL } });
});
