import { addCartItem, addItemSchema, currentCartOwner } from '@/server/cart';
import { parseJsonBody, route } from '@/server/http/respond';
import { assertSameOrigin } from '@/server/identity';

export const dynamic = 'force-dynamic';

// The schema strips unknown fields: a `price` sent by the client never reaches the cart.
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const input = await parseJsonBody(req, addItemSchema);
  const owner = await currentCartOwner({ create: true });
  return Response.json(await addCartItem(owner, input), { headers: { 'Cache-Control': 'private, no-store' } });
});
