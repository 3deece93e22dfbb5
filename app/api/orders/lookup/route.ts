import { grantGuestOrder, lookupBodySchema, lookupGuestOrder } from '@/server/guest-orders';
import { assertSameOrigin } from '@/server/identity';
import { requestAddressBucket } from '@/server/platform/http/client-address';
import { parseJsonBody, route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

// A guest finds their order by email and order number: 200 { order } and the cookie that lets this browser read and
// cancel it, or one 404 NOT_FOUND whether the email or the number is wrong; 429 (Retry-After) past the limits.
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const body = await parseJsonBody(req, lookupBodySchema);
  const { order, owner } = await lookupGuestOrder({ ...body, address: requestAddressBucket(req) });
  await grantGuestOrder({ orderId: order.id, owner });
  return Response.json({ order }, { headers: { 'Cache-Control': 'private, no-store' } });
});
