import { route } from '@/server/platform/http/respond';
import { shopperSummary } from '@/server/shopper';

export const dynamic = 'force-dynamic';

// GET /api/shopper: name, cart count and display flags of the shopper of this request, for the islands of the
// cached catalog pages. Never stored by anyone: it is this shopper's.
export const GET = route(async () => Response.json(await shopperSummary(), { headers: { 'Cache-Control': 'private, no-store' } }));
