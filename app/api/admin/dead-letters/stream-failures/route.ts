import { requireOperations } from '@/server/identity';
import { route } from '@/server/platform/http/respond';
import { listStreamFailures } from '@/server/streams';

export const dynamic = 'force-dynamic';

// GET /api/admin/dead-letters/stream-failures → { items: [{ messageId, stream, consumer, error, at, records, keys }] }:
// the stream consumers' failure reports waiting in the StreamFailuresDlq, oldest first (operations only).
export const GET = route(async (req) => {
  await requireOperations(req);
  return Response.json({ items: await listStreamFailures() }, { headers: { 'Cache-Control': 'private, no-store' } });
});
