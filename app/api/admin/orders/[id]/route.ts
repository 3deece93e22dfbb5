import { AppError } from '@/server/errors';
import { route } from '@/server/http/respond';
import { requireOperations } from '@/server/identity';
import { findOrderById } from '@/server/orders';
import { type OrderRouteContext, orderIdParam } from '../order-id-param';

export const dynamic = 'force-dynamic';

// GET /api/admin/orders/[id] → { order }: any shopper's order, with its timeline and payment figures.
export const GET = route<OrderRouteContext>(async (req, ctx) => {
  await requireOperations(req);
  const order = await findOrderById(await orderIdParam(ctx));
  if (!order) throw new AppError('NOT_FOUND', 'There is no such order.');
  return Response.json({ order }, { headers: { 'Cache-Control': 'private, no-store' } });
});
