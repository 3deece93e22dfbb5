import { requireMarketer } from '@/server/identity';
import { parseQuery, route } from '@/server/platform/http/respond';
import { listReviewsForModeration, moderationQueueSchema } from '@/server/reviews';

export const dynamic = 'force-dynamic';

// GET /api/admin/reviews?status=PENDING → { items, nextCursor }, oldest first. Marketers only (401/403).
export const GET = route(async (req) => {
  await requireMarketer(req);
  const { status, limit, cursor } = parseQuery(req, moderationQueueSchema);
  return Response.json(await listReviewsForModeration(status, limit, cursor), { headers: { 'Cache-Control': 'private, no-store' } });
});
