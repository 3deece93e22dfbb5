import { currentCartOwner } from '@/server/cart';
import { quoteCheckout, quoteQuerySchema } from '@/server/checkout';
import { getSessionUser } from '@/server/identity';
import { AppError } from '@/server/platform/errors';
import { parseQuery, route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

/**
 * The order review's totals for the address and method chosen so far: the same numbers POST /api/checkout charges.
 * For the signed-in shopper's cart, or a guest's (its signed cookie); with neither there is nothing to review.
 */
export const GET = route(async (req) => {
  const [owner, user] = await Promise.all([currentCartOwner(), getSessionUser()]);
  if (!owner) throw new AppError('UNAUTHENTICATED', 'Sign in, or add something to your cart, to see a checkout quote.');
  const query = parseQuery(req, quoteQuerySchema);
  return Response.json(await quoteCheckout(owner, query, user?.email), { headers: { 'Cache-Control': 'private, no-store' } });
});
