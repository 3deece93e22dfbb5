import { type FlagRouteContext, flagKeyParam, requireMarketer, revertBodySchema, revertFlag } from '@/server/flags';
import { parseJsonBody, route } from '@/server/http/respond';
import { assertSameOrigin } from '@/server/identity';

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
