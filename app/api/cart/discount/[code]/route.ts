import { emptyCart, removeDiscountFromCurrentCart } from '@/server/cart';
import { assertSameOrigin } from '@/server/identity';
import { route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ code: string }> };

// DELETE /api/cart/discount/[code] → Cart without that code. Removing a code the cart does not carry changes nothing.
export const DELETE = route<Ctx>(async (req, ctx) => {
  assertSameOrigin(req);
  const { code } = await ctx.params;
  const cart = (await removeDiscountFromCurrentCart(decodeURIComponent(code).slice(0, 64))) ?? emptyCart();
  return Response.json(cart, { headers: { 'Cache-Control': 'private, no-store' } });
});
