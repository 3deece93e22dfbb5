import { assertSameOrigin } from '@/server/identity';
import { parseJsonBody, route } from '@/server/platform/http/respond';
import { addWishlistItem, addWishlistItemSchema, currentWishlistOwner } from '@/server/wishlist';

export const dynamic = 'force-dynamic';

// POST /api/wishlist/items { productId, variantId? } → 201 { items }; adding twice keeps one item.
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const input = await parseJsonBody(req, addWishlistItemSchema);
  const owner = await currentWishlistOwner({ create: true });
  return Response.json(await addWishlistItem(owner, input), { status: 201, headers: { 'Cache-Control': 'private, no-store' } });
});
