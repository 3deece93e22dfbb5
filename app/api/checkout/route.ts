import { z } from 'zod';
import { trackAnalytics } from '@/server/analytics';
import { placeOrder } from '@/server/checkout';
import { parseJsonBody, route } from '@/server/http/respond';
import { assertSameOrigin, requireUser } from '@/server/identity';
import { recordInteractionAfterResponse } from '@/server/interactions';

export const dynamic = 'force-dynamic';

// Origin first (a forged cross-site POST learns nothing, not even whether a session exists), then the session.
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const user = await requireUser();
  const body = await parseJsonBody(req, z.unknown());
  const { order, replayed } = await placeOrder({ userId: user.id, email: user.email, idempotencyKey: req.headers.get('idempotency-key'), body });
  if (!replayed) {
    for (const item of order.items) recordInteractionAfterResponse({ type: 'purchase', productId: item.productId, actor: { userId: user.id } });
    trackAnalytics(
      { type: 'order-placed', orderId: order.id, valueMinor: order.total.amount, currency: order.total.currency, itemCount: order.items.length },
      { request: req, userId: user.id },
    );
  }
  // A replay answers exactly like the first response did (201 and the same order), flagged for clients that care.
  return Response.json({ order }, { status: 201, headers: { 'Cache-Control': 'private, no-store', ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}) } });
});
