import { assertSameOrigin, requireOperations } from '@/server/identity';
import { refundBody, refundOrder } from '@/server/orders';
import { parseJsonBody, route } from '@/server/platform/http/respond';
import { type OrderRouteContext, orderIdParam } from '../../order-id-param';

// POST /api/admin/orders/[id]/refund { amount: Money, reason, category? } → { order }. `reason` is the staff's note
// (operations view only); `category` is what the shopper is told (goodwill, return, cancellation, other). The reason is required; an amount past
// captured − refunded is a 409 with nothing moved (the ledger's conditional write decides, not this handler).
export const POST = route<OrderRouteContext>(async (req, ctx) => {
  assertSameOrigin(req);
  const user = await requireOperations(req);
  const id = await orderIdParam(ctx);
  const { amount, reason, category } = await parseJsonBody(req, refundBody);
  const order = await refundOrder(id, { amount, reason, category, actor: { by: 'operations', userId: user.id } });
  return Response.json({ order }, { headers: { 'Cache-Control': 'no-store' } });
});
