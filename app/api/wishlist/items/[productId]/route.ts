import { assertSameOrigin } from '@/server/identity';
import { AppError } from '@/server/platform/errors';
import { route } from '@/server/platform/http/respond';
import { currentWishlistOwner, removeWishlistItem, wishlistProductIdSchema } from '@/server/wishlist';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ productId: string }> };

// DELETE /api/wishlist/items/[productId] → { items }. Only ever the caller's own list (the key is the owner's).
export const DELETE = route<Ctx>(async (req, { params }) => {
  assertSameOrigin(req);
  const parsed = wishlistProductIdSchema.safeParse((await params).productId);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'There is no such product on your wishlist.');
  const owner = await currentWishlistOwner();
  const wishlist = owner ? await removeWishlistItem(owner, parsed.data) : { items: [] };
  return Response.json(wishlist, { headers: { 'Cache-Control': 'private, no-store' } });
});
