import { listDeadLetters } from '@/server/fulfilment';
import { requireOperations } from '@/server/identity';
import { route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

// GET /api/admin/dead-letters → { items: [{ messageId, orderId, event, receiveCount, body }] }: the warehouse
// messages that kept failing and wait in the dead-letter queue.
export const GET = route(async (req) => {
  await requireOperations(req);
  return Response.json({ items: await listDeadLetters() }, { headers: { 'Cache-Control': 'private, no-store' } });
});
