import { currentCartOwner, lineIdSchema, removeCartItem, updateCartItem, updateQuantitySchema } from '@/server/cart';
import { assertSameOrigin } from '@/server/identity';
import { AppError } from '@/server/platform/errors';
import { parseJsonBody, route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ lineId: string }> };

/** The caller's cart and a well-formed line id; anything else is the same 404 as a line in someone else's cart. */
async function target(ctx: Ctx) {
  const { lineId } = await ctx.params;
  const owner = await currentCartOwner();
  if (!owner || !lineIdSchema.safeParse(lineId).success) throw new AppError('NOT_FOUND', 'That item is not in your cart.');
  return { owner, lineId };
}

export const PATCH = route<Ctx>(async (req, ctx) => {
  assertSameOrigin(req);
  const { quantity } = await parseJsonBody(req, updateQuantitySchema);
  const { owner, lineId } = await target(ctx);
  return Response.json(await updateCartItem(owner, lineId, quantity), { headers: { 'Cache-Control': 'private, no-store' } });
});

export const DELETE = route<Ctx>(async (req, ctx) => {
  assertSameOrigin(req);
  const { owner, lineId } = await target(ctx);
  return Response.json(await removeCartItem(owner, lineId), { headers: { 'Cache-Control': 'private, no-store' } });
});
