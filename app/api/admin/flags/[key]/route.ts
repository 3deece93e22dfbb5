import { type FlagRouteContext, flagKeyParam, flagPatchSchema, updateFlag } from '@/server/flags';
import { assertSameOrigin, requireMarketer } from '@/server/identity';
import { parseJsonBody, route } from '@/server/platform/http/respond';

// PATCH /api/admin/flags/[key] { enabled?, rolloutPercent?, audience?, expectedVersion } → Flag.
// 409 VERSION_CONFLICT with details.current when expectedVersion is stale; 403 for a foreign Origin or a non-marketer.
export const PATCH = route<FlagRouteContext>(async (req, ctx) => {
  assertSameOrigin(req);
  const user = await requireMarketer(req);
  const key = await flagKeyParam(ctx);
  const patch = await parseJsonBody(req, flagPatchSchema);
  const flag = await updateFlag(user, key, patch);
  return Response.json(flag, { headers: { 'Cache-Control': 'no-store' } });
});
