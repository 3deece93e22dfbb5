import { assertSameOrigin, requireOperations } from '@/server/identity';
import { parseJsonBody, route } from '@/server/platform/http/respond';
import { discardStreamFailure } from '@/server/streams';
import { discardStreamFailureBody } from '@/server/streams/contract';

// POST /api/admin/dead-letters/stream-failures/discard { messageId } → { discarded }: removes one stream failure
// report once its records were dealt with (re-saved in their table). 404 when it is no longer queued.
export const POST = route(async (req) => {
  assertSameOrigin(req);
  await requireOperations(req);
  const { messageId } = await parseJsonBody(req, discardStreamFailureBody);
  return Response.json(await discardStreamFailure(messageId), { headers: { 'Cache-Control': 'no-store' } });
});
