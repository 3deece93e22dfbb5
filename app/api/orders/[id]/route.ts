import { AppError } from '@/server/errors';
import { route } from '@/server/http/respond';
import { requireUser } from '@/server/identity';
import { getOrder } from '@/server/orders';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

// Read by (caller, id): someone else's order is indistinguishable from one that does not exist.
export const GET = route<Ctx>(async (_req, ctx) => {
  const user = await requireUser();
  const order = await getOrder(user.id, (await ctx.params).id);
  if (!order) throw new AppError('NOT_FOUND', 'There is no such order in your account.');
  return Response.json({ order }, { headers: { 'Cache-Control': 'private, no-store' } });
});
