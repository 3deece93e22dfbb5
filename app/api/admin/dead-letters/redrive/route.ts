import { redriveDeadLetters } from '@/server/fulfilment';
import { route } from '@/server/http/respond';
import { assertSameOrigin, requireOperations } from '@/server/identity';

// POST /api/admin/dead-letters/redrive → { moved }: every dead letter goes back on the warehouse queue, once.
export const POST = route(async (req) => {
  assertSameOrigin(req);
  await requireOperations(req);
  return Response.json(await redriveDeadLetters(), { headers: { 'Cache-Control': 'no-store' } });
});
