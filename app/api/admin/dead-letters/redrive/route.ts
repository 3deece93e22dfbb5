import { redriveDeadLetters } from '@/server/fulfilment';
import { assertSameOrigin, requireOperations } from '@/server/identity';
import { route } from '@/server/platform/http/respond';

// POST /api/admin/dead-letters/redrive → { moved }: every dead letter goes back on the warehouse queue, once.
export const POST = route(async (req) => {
  assertSameOrigin(req);
  await requireOperations(req);
  return Response.json(await redriveDeadLetters(), { headers: { 'Cache-Control': 'no-store' } });
});
