import { requireOrderAccess } from '@/server/guest-orders';
import { route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

// The owner's order (read by (caller, id)), or a guest's through its cookie or the email link's `access` token.
// Anyone else's order is indistinguishable from one that does not exist (server/guest-orders order-access.ts).
export const GET = route<Ctx>(async (req, ctx) => {
  const linkToken = new URL(req.url).searchParams.get('access');
  const { order } = await requireOrderAccess((await ctx.params).id, { purpose: 'read', linkToken });
  return Response.json({ order }, { headers: { 'Cache-Control': 'private, no-store' } });
});
