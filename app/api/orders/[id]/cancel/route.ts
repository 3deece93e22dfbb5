import { requireOrderAccess } from '@/server/guest-orders';
import { assertSameOrigin } from '@/server/identity';
import { cancelOrder } from '@/server/orders';
import { route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

// The shopper cancels their own order, or a guest the one its cookie grants (the email link only reads); anyone
// else's is a 404; 409 once shipped.
export const POST = route<Ctx>(async (req, ctx) => {
  assertSameOrigin(req);
  const { order: seen, ownerId } = await requireOrderAccess((await ctx.params).id, { purpose: 'cancel' });
  const order = await cancelOrder(seen.id, { by: 'shopper', userId: ownerId });
  return Response.json({ order }, { headers: { 'Cache-Control': 'private, no-store' } });
});
