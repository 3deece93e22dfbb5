import { assertSameOrigin, requireMarketer } from '@/server/identity';
import { parseJsonBody, route } from '@/server/platform/http/respond';
import { type PromotionRouteContext, promotionCodeParam, promotionPatchSchema, updatePromotion } from '@/server/promotions';

// PATCH /api/admin/promotions/[code] { …fields, expectedVersion } → Promotion; 409 VERSION_CONFLICT with
// details.current when expectedVersion is stale; pausing is { active: false }.
export const PATCH = route<PromotionRouteContext>(async (req, ctx) => {
  assertSameOrigin(req);
  const user = await requireMarketer(req);
  const code = await promotionCodeParam(ctx);
  const patch = await parseJsonBody(req, promotionPatchSchema);
  return Response.json(await updatePromotion(user, code, patch), { headers: { 'Cache-Control': 'no-store' } });
});
