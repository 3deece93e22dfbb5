import { route } from '@/server/platform/http/respond';
import { currentWishlistOwner, getWishlist } from '@/server/wishlist';

export const dynamic = 'force-dynamic';

// GET /api/wishlist → { items }. A guest without a (valid) cookie has an empty list; no cookie is set by reading.
export const GET = route(async () => {
  const owner = await currentWishlistOwner();
  const wishlist = owner ? await getWishlist(owner) : { items: [] };
  return Response.json(wishlist, { headers: { 'Cache-Control': 'private, no-store' } });
});
