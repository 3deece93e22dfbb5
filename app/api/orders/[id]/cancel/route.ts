import { route } from '@/server/http/respond';
import { assertSameOrigin, requireUser } from '@/server/identity';
import { cancelOrder } from '@/server/orders';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

// The shopper cancels their own order (cancelOrder checks ownership: someone else's is a 404); 409 once shipped.
export const POST = route<Ctx>(async (req, ctx) => {
  assertSameOrigin(req);
  const user = await requireUser();
  const order = await cancelOrder((await ctx.params).id, { by: 'shopper', userId: user.id });
  return Response.json({ order }, { headers: { 'Cache-Control': 'private, no-store' } });
});
