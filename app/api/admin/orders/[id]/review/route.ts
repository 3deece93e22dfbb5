import { assertSameOrigin, requireOperations } from '@/server/identity';
import { reviewBody, reviewHeldOrder } from '@/server/orders';
import { parseJsonBody, route } from '@/server/platform/http/respond';
import { type OrderRouteContext, orderIdParam } from '../../order-id-param';

// POST /api/admin/orders/[id]/review { decision: 'approve' | 'reject', note } → { order } with its `risk`
// (shared/API.md "Fraud screening"): approve sends a held order on to the warehouse (PLACED, then PROCESSING);
// reject voids the payment, restocks, cancels and mails the shopper. 409 when the order is not on hold (or its hold
// expired: it is then released and cancelled). The decision, who made it and the note go on the timeline.
export const POST = route<OrderRouteContext>(async (req, ctx) => {
  assertSameOrigin(req);
  const user = await requireOperations(req);
  const orderId = await orderIdParam(ctx);
  const input = await parseJsonBody(req, reviewBody);
  const order = await reviewHeldOrder(orderId, input, { by: 'operations', userId: user.id });
  return Response.json({ order }, { headers: { 'Cache-Control': 'no-store' } });
});
