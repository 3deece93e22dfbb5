import { listFlags } from '@/server/flags';
import { requireMarketer } from '@/server/identity';
import { route } from '@/server/platform/http/respond';

// GET /api/admin/flags → { flags: Flag[] }. 401 without a session, 403 unless the caller is in `marketers`.
export const GET = route(async (req) => {
  const user = await requireMarketer(req);
  const flags = await listFlags(user);
  return Response.json({ flags }, { headers: { 'Cache-Control': 'private, no-store' } });
});
