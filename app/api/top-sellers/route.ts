import { z } from 'zod';
import { getTopSellers, TOP_SELLERS_DEFAULT_LIMIT, TOP_SELLERS_MAX_LIMIT } from '@/server/leaderboard';
import { parseQuery, route } from '@/server/platform/http/respond';

// Counts change with every order; the leaderboard memoises for a few seconds itself, so no route caching.
export const dynamic = 'force-dynamic';

const querySchema = z.object({
  limit: z.coerce.number().int().min(1).max(TOP_SELLERS_MAX_LIMIT).default(TOP_SELLERS_DEFAULT_LIMIT),
});

export const GET = route(async (req) => {
  const { limit } = parseQuery(req, querySchema);
  const { items } = await getTopSellers(limit);
  return Response.json({ items });
});
