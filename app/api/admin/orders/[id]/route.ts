import { requireOperations } from '@/server/identity';
import { findOrderForOperations } from '@/server/orders';
import { AppError } from '@/server/platform/errors';
import { route } from '@/server/platform/http/respond';
import { type OrderRouteContext, orderIdParam } from '../order-id-param';

export const dynamic = 'force-dynamic';

// GET /api/admin/orders/[id] → { order }: any shopper's order, with its timeline, payment figures and fraud screening
// (`risk`, operations only; API.md "Fraud screening").
export const GET = route<OrderRouteContext>(async (req, ctx) => {
  await requireOperations(req);
  const order = await findOrderForOperations(await orderIdParam(ctx));
  if (!order) throw new AppError('NOT_FOUND', 'There is no such order.');
  return Response.json({ order }, { headers: { 'Cache-Control': 'private, no-store' } });
});
