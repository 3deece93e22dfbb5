import { z } from 'zod';
import { productFeedPage } from '@/server/agents';
import { CATALOG_PAGE_CACHE_CONTROL } from '@/server/platform/http/catalog-pages';
import { parseQuery, route } from '@/server/platform/http/respond';
import { listQuery } from '@/server/platform/pagination';

export const dynamic = 'force-dynamic';

// GET /feeds/products.json?cursor&limit → { items: FeedItem[], nextCursor } (API.md "For agents and feeds").
export const GET = route(async (req) => {
  const query = parseQuery(req, z.object(listQuery));
  return Response.json(await productFeedPage(query), { headers: { 'Cache-Control': CATALOG_PAGE_CACHE_CONTROL } });
});
