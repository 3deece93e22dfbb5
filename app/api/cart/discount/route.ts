import { applyDiscountCode, currentCartOwner, currentCustomerKey } from '@/server/cart';
import { parseJsonBody, route } from '@/server/http/respond';
import { assertSameOrigin } from '@/server/identity';
import { discountCodeBodySchema } from '@/server/promotions';

export const dynamic = 'force-dynamic';

// POST /api/cart/discount { code } → Cart with discounts and discountTotal; 400 INVALID_DISCOUNT with
// details.reason when the code does not apply to this cart (docs/promotions.md).
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const { code } = await parseJsonBody(req, discountCodeBodySchema);
  const owner = await currentCartOwner({ create: true });
  const cart = await applyDiscountCode(owner, code, await currentCustomerKey());
  return Response.json(cart, { headers: { 'Cache-Control': 'private, no-store' } });
});
