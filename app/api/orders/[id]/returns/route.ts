import { parseJsonBody, route } from '@/server/http/respond';
import { assertSameOrigin, requireUser } from '@/server/identity';
import { requestReturn, returnRequestSchema } from '@/server/orders';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

// A return of delivered lines, asked by the order's owner (a 404 for anyone else).
export const POST = route<Ctx>(async (req, ctx) => {
  assertSameOrigin(req);
  const user = await requireUser();
  const body = await parseJsonBody(req, returnRequestSchema);
  const order = await requestReturn((await ctx.params).id, user.id, body);
  return Response.json({ order }, { status: 201, headers: { 'Cache-Control': 'private, no-store' } });
});
