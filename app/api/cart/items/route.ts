import { trackAnalytics } from '@/server/analytics';
import { addCartItem, addItemSchema, currentCartOwner } from '@/server/cart';
import { assertSameOrigin } from '@/server/identity';
import { currentInteractionActor, recordInteractionAfterResponse } from '@/server/interactions';
import { parseJsonBody, route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

// The schema strips unknown fields: a `price` sent by the client never reaches the cart.
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const input = await parseJsonBody(req, addItemSchema);
  const owner = await currentCartOwner({ create: true });
  const cart = await addCartItem(owner, input);
  const actor = await currentInteractionActor();
  if (actor) recordInteractionAfterResponse({ type: 'add-to-cart', productId: input.productId, actor });
  trackAnalytics({ type: 'add-to-cart', productId: input.productId, quantity: input.quantity }, { request: req });
  return Response.json(cart, { headers: { 'Cache-Control': 'private, no-store' } });
});
