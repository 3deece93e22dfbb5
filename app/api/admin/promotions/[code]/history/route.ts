import { requireMarketer } from '@/server/identity';
import { parseQuery, route } from '@/server/platform/http/respond';
import { type PromotionRouteContext, promotionCodeParam, promotionHistory, promotionHistoryQuery } from '@/server/promotions';

// GET /api/admin/promotions/[code]/history?limit&cursor → { entries: [{ at, by, before, after, … }], nextCursor }.
export const GET = route<PromotionRouteContext>(async (req, ctx) => {
  const user = await requireMarketer(req);
  const code = await promotionCodeParam(ctx);
  return Response.json(await promotionHistory(user, code, parseQuery(req, promotionHistoryQuery)), { headers: { 'Cache-Control': 'private, no-store' } });
});
