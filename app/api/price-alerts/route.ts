import { cancelPriceDrop, priceAlertSchema, subscribeToPriceDrop } from '@/server/alerts';
import { assertSameOrigin, requireUser } from '@/server/identity';
import { parseJsonBody, route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

// POST { productId } → 201: one email when the product's lowest price falls below today's (signed-in shoppers,
// from the wishlist). DELETE { productId } → 200: opt out.
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const user = await requireUser();
  const { productId } = await parseJsonBody(req, priceAlertSchema);
  await subscribeToPriceDrop(user, productId);
  return Response.json({ subscribed: true }, { status: 201, headers: { 'Cache-Control': 'private, no-store' } });
});

export const DELETE = route(async (req) => {
  assertSameOrigin(req);
  const user = await requireUser();
  const { productId } = await parseJsonBody(req, priceAlertSchema);
  await cancelPriceDrop(user.id, productId);
  return Response.json({ subscribed: false }, { headers: { 'Cache-Control': 'private, no-store' } });
});
