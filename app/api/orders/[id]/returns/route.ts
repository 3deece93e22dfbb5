import { requireOrderAccess } from '@/server/guest-orders';
import { assertSameOrigin } from '@/server/identity';
import { requestReturn, returnRequestSchema } from '@/server/orders';
import { parseJsonBody, route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

// A return of delivered lines, asked by the order's owner, or by a guest through the order cookie or the signed
// link in their email (`?access=`): they have no account to sign in to. Anyone else gets a 404.
export const POST = route<Ctx>(async (req, ctx) => {
  assertSameOrigin(req);
  const linkToken = new URL(req.url).searchParams.get('access');
  const { order: seen, ownerId } = await requireOrderAccess((await ctx.params).id, { purpose: 'return', linkToken });
  const body = await parseJsonBody(req, returnRequestSchema);
  const order = await requestReturn(seen.id, ownerId, body);
  return Response.json({ order }, { status: 201, headers: { 'Cache-Control': 'private, no-store' } });
});
