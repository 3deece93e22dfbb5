import { z } from 'zod';
import { trackAnalytics } from '@/server/analytics';
import { currentCartOwner } from '@/server/cart';
import { placeOrder } from '@/server/checkout';
import { viewerLocation } from '@/server/fraud';
import { grantGuestOrder } from '@/server/guest-orders';
import { assertSameOrigin, getSessionUser } from '@/server/identity';
import { recordInteractionAfterResponse } from '@/server/interactions';
import { guestOrderOwner, type Order } from '@/server/orders';
import { AppError } from '@/server/platform/errors';
import { requestAddressBucket } from '@/server/platform/http/client-address';
import { parseJsonBody, route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

// Origin first (a forged cross-site POST learns nothing, not even whether a session exists), then who is buying: the
// signed-in shopper, or a guest with a cart cookie and an `email` in the body (docs/checkout.md "Guest checkout").
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const user = await getSessionUser();
  const body = await parseJsonBody(req, z.unknown());
  const idempotencyKey = req.headers.get('idempotency-key');
  const headers = { 'Cache-Control': 'private, no-store' };
  // Fraud screening counts declines and attempts per client address (docs/fraud.md).
  const viewer = viewerLocation(req.headers);
  const client = { address: requestAddressBucket(req), ...(viewer ? { viewer } : {}) };
  if (user) {
    const { order, replayed } = await placeOrder({ userId: user.id, email: user.email, idempotencyKey, body, client });
    if (!replayed) {
      for (const item of order.items) recordInteractionAfterResponse({ type: 'purchase', productId: item.productId, actor: { userId: user.id } });
      trackOrderPlaced(req, order, user.id);
    }
    // A replay answers exactly like the first response did (201 and the same order), flagged for clients that care.
    return Response.json({ order }, { status: 201, headers: { ...headers, ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}) } });
  }
  const owner = await currentCartOwner();
  if (owner?.kind !== 'guest') throw new AppError('BAD_REQUEST', 'Your cart is empty.');
  const { order, replayed } = await placeOrder({ guestCartId: owner.guestId, idempotencyKey, body, client });
  // This browser may now read and cancel the order (a replay sets the same grant again).
  await grantGuestOrder({ orderId: order.id, owner: guestOrderOwner(order.email) });
  if (!replayed) trackOrderPlaced(req, order);
  return Response.json({ order }, { status: 201, headers: { ...headers, ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}) } });
});

function trackOrderPlaced(req: Request, order: Order, userId?: string) {
  trackAnalytics(
    { type: 'order-placed', orderId: order.id, valueMinor: order.total.amount, currency: order.total.currency, itemCount: order.items.length },
    { request: req, userId },
  );
}
