import { analyticsSummary, dateRangeSchema } from '@/server/analytics';
import { requireMarketer } from '@/server/identity';
import { parseQuery, route } from '@/server/platform/http/respond';

// GET /api/admin/analytics/summary?from=YYYY-MM-DD&to=YYYY-MM-DD (API.md, "Analytics (marketers)").
// 401 without a session, 403 outside `marketers`, 400 for a missing or bad date or a backwards or too long range.
export const dynamic = 'force-dynamic';

export const GET = route(async (req) => {
  await requireMarketer(req);
  const range = parseQuery(req, dateRangeSchema);
  return Response.json(await analyticsSummary(range), { headers: { 'Cache-Control': 'private, no-store' } });
});
