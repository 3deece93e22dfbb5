import { parseQuery, route } from '@/server/platform/http/respond';
import { shopperQuerySchema, shopperSummary } from '@/server/shopper';

export const dynamic = 'force-dynamic';

// GET /api/shopper[?include=wishlist,recentlyViewed,recommendations&productId=…]: name, cart count and display flags of
// the shopper of this request, plus the parts the islands of a cached catalog page asked for: the page's one
// per-shopper read (ADR 0028). Without a query it answers exactly what it always did. Never stored by anyone: it is
// this shopper's.
export const GET = route(async (req) =>
  Response.json(await shopperSummary(parseQuery(req, shopperQuerySchema)), { headers: { 'Cache-Control': 'private, no-store' } }),
);
