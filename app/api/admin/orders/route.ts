import { requireOperations } from '@/server/identity';
import { operationsOrdersQuery, searchOrders } from '@/server/orders';
import { parseQuery, route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

// GET /api/admin/orders?status&q&cursor&limit → { items: (OrderSummary & { email })[], nextCursor }, every
// shopper's orders (q = an order id or an email). 401 signed out, 403 outside `operations`.
export const GET = route(async (req) => {
  await requireOperations(req);
  const query = parseQuery(req, operationsOrdersQuery);
  return Response.json(await searchOrders(query), { headers: { 'Cache-Control': 'private, no-store' } });
});
