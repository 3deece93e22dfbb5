import { currentCartOwner, getCart } from '@/server/cart';
import { route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

// A guest without a valid cookie gets one here, so the id in the answer stays the cart's id from now on.
export const GET = route(async () => {
  const owner = await currentCartOwner({ create: true });
  return Response.json(await getCart(owner), { headers: { 'Cache-Control': 'private, no-store' } });
});
