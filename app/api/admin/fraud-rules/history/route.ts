import { fraudRulesHistory } from '@/server/fraud';
import { requireOperations } from '@/server/identity';
import { route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

// GET /api/admin/fraud-rules/history → { entries: [{ entryId, version, at, by, byId, before, after }] }, newest first.
export const GET = route(async (req) => {
  await requireOperations(req);
  return Response.json({ entries: await fraudRulesHistory() }, { headers: { 'Cache-Control': 'private, no-store' } });
});
