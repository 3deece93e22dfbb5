import { applyDiscountToCurrentCart } from '@/server/cart';
import { assertSameOrigin } from '@/server/identity';
import { parseJsonBody, route } from '@/server/platform/http/respond';
import { discountCodeBodySchema } from '@/server/promotions/contract';

export const dynamic = 'force-dynamic';

// POST /api/cart/discount { code } → Cart with discounts and discountTotal; 400 INVALID_DISCOUNT with
// details.reason when the code does not apply to this cart (docs/promotions.md).
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const { code } = await parseJsonBody(req, discountCodeBodySchema);
  const cart = await applyDiscountToCurrentCart(code);
  return Response.json(cart, { headers: { 'Cache-Control': 'private, no-store' } });
});
