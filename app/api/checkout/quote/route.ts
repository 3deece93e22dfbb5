import { quoteCheckout, quoteQuerySchema } from '@/server/checkout';
import { parseQuery, route } from '@/server/http/respond';
import { requireUser } from '@/server/identity';

export const dynamic = 'force-dynamic';

/** The order review's totals for the address and method chosen so far: the same numbers POST /api/checkout charges. */
export const GET = route(async (req) => {
  const user = await requireUser();
  const query = parseQuery(req, quoteQuerySchema);
  return Response.json(await quoteCheckout(user.id, query, user.email), { headers: { 'Cache-Control': 'private, no-store' } });
});
