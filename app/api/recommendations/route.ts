import { z } from 'zod';
import { isEnabled } from '@/server/flags';
import { getSessionUserFromRequest } from '@/server/identity';
import { AppError } from '@/server/platform/errors';
import { parseQuery, route } from '@/server/platform/http/respond';
import { recommendForProduct, recommendForUser } from '@/server/recommendations';

const query = z.object({ productId: z.string().min(1).max(200).optional(), limit: z.coerce.number().int().min(1).max(24).default(8) });

// GET /api/recommendations?productId=… ("customers also bought") or, signed in and without productId, "for you".
export const GET = route(async (req) => {
  const { productId, limit } = parseQuery(req, query);
  // Off means no recommendations, not an error: the page simply shows none.
  // private, no-store: the flag is evaluated for this shopper (and "for you" is theirs alone).
  const headers = { 'Cache-Control': 'private, no-store' };
  if (!(await isEnabled('recommendations'))) return Response.json({ items: [], source: 'local' }, { headers });
  if (productId) return Response.json(await recommendForProduct(productId, limit), { headers });
  const user = await getSessionUserFromRequest(req);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in for recommendations, or pass productId.');
  return Response.json(await recommendForUser(user.id, limit), { headers });
});
