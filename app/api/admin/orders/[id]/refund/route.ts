import { parseJsonBody, route } from '@/server/http/respond';
import { assertSameOrigin, requireOperations } from '@/server/identity';
import { refundBody, refundOrder } from '@/server/orders';
import { type OrderRouteContext, orderIdParam } from '../../order-id-param';

// POST /api/admin/orders/[id]/refund { amount: Money, reason } → { order }. The reason is required; an amount past
// captured − refunded is a 409 with nothing moved (the ledger's conditional write decides, not this handler).
export const POST = route<OrderRouteContext>(async (req, ctx) => {
  assertSameOrigin(req);
  const user = await requireOperations(req);
  const id = await orderIdParam(ctx);
  const { amount, reason } = await parseJsonBody(req, refundBody);
  const order = await refundOrder(id, { amount, reason, actor: { by: 'operations', userId: user.id } });
  return Response.json({ order }, { headers: { 'Cache-Control': 'no-store' } });
});
