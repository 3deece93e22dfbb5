import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { guestOrderLink } from '../guest-orders';
import { notifyOrderStatus, notifyRefunds } from '../notifications';
import { isGuestOwner, type OrderRecord, toOrder } from '../orders';
import { errorText, logger } from '../platform/observability';
import { publishToWarehouse } from './publish';

// The orders-stream hook of the order lifecycle: a change of status that the warehouse must act on goes to the
// queue (placed → fulfil, return requested → receive), and the email the new status calls for is sent. The
// queue send throws on failure, so the stream batch is delivered again (never lost between the write and the
// send); the email never throws. The orders stream carries new images only, so a record without the old image
// is handled as a change: the queue's deduplication and the warehouse's conditional steps make a repeat harmless.

export async function handleOrderChange(newImage: OrderRecord, oldImage?: OrderRecord): Promise<void> {
  const statusChanged = !oldImage || oldImage.status !== newImage.status;
  // A refund by operations leaves the status as it was: its mail is decided by the refunds list, not the status.
  const refunded = (newImage.refunds?.length ?? 0) > (oldImage?.refunds?.length ?? 0) || (!oldImage && (newImage.refunds?.length ?? 0) > 0);
  if (!statusChanged && !refunded) return;
  const { orderId, userId } = newImage;
  if (statusChanged && newImage.status === 'PLACED') await publishToWarehouse({ event: 'order.placed', orderId, userId });
  if (statusChanged && newImage.status === 'RETURN_REQUESTED') {
    const sequence = newImage.returnRequest?.sequence ?? 1;
    await publishToWarehouse({ event: 'return.requested', orderId, userId, ...(sequence > 1 ? { sequence } : {}) });
  }
  try {
    // A guest's mail links to the order with a signed, expiring link: they have no account to sign in to.
    const orderLink = isGuestOwner(userId) ? await guestOrderLink({ orderId, owner: userId }) : undefined;
    const order = toOrder(newImage);
    if (statusChanged) await notifyOrderStatus(order, { orderLink });
    // Every refund on the order is offered: the sent-marker per refund makes each one mail exactly once.
    if (newImage.refunds?.length) await notifyRefunds(order, newImage.refunds, { orderLink });
  } catch (err) {
    // An image that is not a whole order (a hand-written item, a future shape) gets no mail, and never stalls the stream.
    logger.warn('order email skipped', { component: 'notifications', orderId, err: errorText(err) });
  }
}

type StreamRecordShape = {
  eventName?: string;
  dynamodb?: { NewImage?: Record<string, AttributeValue>; OldImage?: Record<string, AttributeValue> };
};

/** The one line the orders-stream consumer calls: every inserted or modified order, in stream order. */
export async function handleOrderStreamRecords(records: readonly StreamRecordShape[]): Promise<void> {
  for (const r of records) {
    if ((r.eventName !== 'INSERT' && r.eventName !== 'MODIFY') || !r.dynamodb?.NewImage) continue;
    // A guest order moved into an account at sign-in (server/orders/claim-guest-orders.ts) is inserted again under the
    // account's key: the same order, already queued to the warehouse and mailed. Its later changes are MODIFYs.
    if (r.eventName === 'INSERT' && r.dynamodb.NewImage.claimedFrom) continue;
    let image: OrderRecord;
    try {
      image = unmarshall(r.dynamodb.NewImage) as OrderRecord;
    } catch {
      continue; // the leaderboard handler reports unreadable records; one report is enough
    }
    if (typeof image.orderId !== 'string' || typeof image.userId !== 'string' || typeof image.status !== 'string') continue;
    await handleOrderChange(image, r.dynamodb.OldImage ? (unmarshall(r.dynamodb.OldImage) as OrderRecord) : undefined);
  }
}
