import { type FlagRouteContext, flagKeyParam, revertBodySchema, revertFlag } from '@/server/flags';
import { assertSameOrigin, requireMarketer } from '@/server/identity';
import { parseJsonBody, route } from '@/server/platform/http/respond';

// POST /api/admin/flags/[key]/revert { entryId, expectedVersion } → Flag: the values from before that history
// entry, written as a new change (with its own audit entry). 409 on a stale version, like PATCH.
export const POST = route<FlagRouteContext>(async (req, ctx) => {
  assertSameOrigin(req);
  const user = await requireMarketer(req);
  const key = await flagKeyParam(ctx);
  const body = await parseJsonBody(req, revertBodySchema);
  const flag = await revertFlag(user, key, body);
  return Response.json(flag, { headers: { 'Cache-Control': 'no-store' } });
});
