import { z } from 'zod';
import { requireUser } from '@/server/identity';
import { listOrders } from '@/server/orders';
import { parseQuery, route } from '@/server/platform/http/respond';
import { listQuery } from '@/server/platform/pagination';

export const dynamic = 'force-dynamic';

const querySchema = z.object(listQuery);

export const GET = route(async (req) => {
  const user = await requireUser();
  const { limit, cursor } = parseQuery(req, querySchema);
  return Response.json(await listOrders(user.id, { limit, cursor }), { headers: { 'Cache-Control': 'private, no-store' } });
});
