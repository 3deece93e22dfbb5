import { assertSameOrigin, requireOperations } from '@/server/identity';
import { cancelOrder } from '@/server/orders';
import { route } from '@/server/platform/http/respond';
import { type OrderRouteContext, orderIdParam } from '../../order-id-param';

// POST /api/admin/orders/[id]/cancel → { order } (CANCELLED, every line restocked, the hold voided or refunded);
// 409 once it has shipped. The timeline records it as operations' doing.
export const POST = route<OrderRouteContext>(async (req, ctx) => {
  assertSameOrigin(req);
  const user = await requireOperations(req);
  const order = await cancelOrder(await orderIdParam(ctx), { by: 'operations', userId: user.id });
  return Response.json({ order }, { headers: { 'Cache-Control': 'no-store' } });
});
