import { z } from 'zod';
import { currentInteractionActor, recentlyViewed } from '@/server/interactions';
import { parseQuery, route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

const querySchema = z.object({
  exclude: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/)
    .optional(),
});

// GET /api/recently-viewed?exclude=<productId> → { items: ProductSummary[] }: the caller's own views only (the
// session's user, else the sf_anon id), never cached anywhere.
export const GET = route(async (req) => {
  const { exclude } = parseQuery(req, querySchema);
  const actor = await currentInteractionActor();
  const items = actor ? await recentlyViewed(actor, { exclude }) : [];
  return Response.json({ items }, { headers: { 'Cache-Control': 'private, no-store' } });
});
