import { type FlagRouteContext, flagHistory, flagKeyParam, historyQuerySchema } from '@/server/flags';
import { requireMarketer } from '@/server/identity';
import { parseQuery, route } from '@/server/platform/http/respond';

// GET /api/admin/flags/[key]/history?limit&cursor → { entries: [{ at, by, before, after, … }], nextCursor }.
export const GET = route<FlagRouteContext>(async (req, ctx) => {
  const user = await requireMarketer(req);
  const key = await flagKeyParam(ctx);
  const page = await flagHistory(user, key, parseQuery(req, historyQuerySchema));
  return Response.json(page, { headers: { 'Cache-Control': 'private, no-store' } });
});
