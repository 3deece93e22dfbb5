import { createHash } from 'node:crypto';
import { estimateDelivery } from '../locations';
import { acceptOrder, deliverOrder, getOrder, type Order, receiveReturn, shipOrder } from '../orders';
import { getConfig } from '../platform/config';
import { AppError } from '../platform/errors';
import type { QueueMessage } from './queue-message';

// The simulated warehouse (standing in for the OMS of the seeds): takes a placed order through PROCESSING,
// SHIPPED and DELIVERED at the configured pace, and receives a requested return. Every step is a conditional
// transition that does nothing for an order already past it, so a redelivered message (a duplicate, or one whose
// worker died mid-way) carries on from where the order is: one shipment, one capture.
//
// It never sleeps (ADR 0027). A step is due a pace after the order's last status change (its timeline); a message
// whose next step is not due yet answers how long to wait, and the consumer hides the message on the queue for that
// long (SQS visibility as the timer: a Lambda returns at once, on AWS and locally alike).

const CARRIERS = { standard: 'UPS Ground', express: 'FedEx Express' } as const;

/** The same order always gets the same tracking number, so a retried shipment could not name another parcel. */
function trackingNumberFor(orderId: string): string {
  return `1Z${createHash('sha256').update(orderId).digest('hex').slice(0, 16).toUpperCase()}`;
}

async function shipment(order: Order, now = new Date()): Promise<{ carrier: string; trackingNumber: string; shippedAt: string; estimatedDelivery: string }> {
  const method = order.shippingMethod.id === 'express' ? 'express' : 'standard';
  const a = order.shippingAddress;
  // The nearest fulfilment store to the address (stock is held centrally, so every fulfilment store has it).
  const estimate = await estimateDelivery(`${a.city}, ${a.region} ${a.postalCode}`, method, now).catch(() => null);
  const fallback = new Date(now.getTime() + (method === 'express' ? 2 : 7) * 86_400_000).toISOString().slice(0, 10);
  return {
    carrier: estimate ? `${CARRIERS[method]} from ${estimate.from.name}` : CARRIERS[method],
    trackingNumber: trackingNumberFor(order.id),
    shippedAt: now.toISOString(),
    estimatedDelivery: estimate?.latest ?? fallback,
  };
}

/** A return is marked damaged when the shopper said so: then nothing goes back on the shelf. */
function looksDamaged(order: Order): boolean {
  return /\b(damaged|broken|defective)\b/i.test(order.returnRequest?.reason ?? '');
}

type Step = { pace: number; run: () => Promise<Order> };

/** The warehouse's next step for this order and message, or null when there is nothing left to do. */
function nextStep(message: QueueMessage, order: Order, shipmentRepeated: boolean): Step | null {
  const pace = getConfig();
  const { userId, orderId } = message;
  if (message.event === 'return.requested') {
    return order.status === 'RETURN_REQUESTED'
      ? { pace: pace.FULFILMENT_RETURN_MS, run: () => receiveReturn(userId, orderId, { damaged: looksDamaged(order) }) }
      : null;
  }
  switch (order.status) {
    case 'PLACED':
      return { pace: pace.FULFILMENT_PROCESSING_MS, run: () => acceptOrder(userId, orderId) };
    case 'PROCESSING':
      return { pace: pace.FULFILMENT_SHIPPED_MS, run: async () => shipOrder(userId, orderId, await shipment(order)) };
    case 'SHIPPED':
      // Shipped by an attempt that died before the processor call: shipOrder repeats only that call, by its key.
      if (order.payment.status === 'CAPTURED' && !shipmentRepeated) return { pace: 0, run: async () => shipOrder(userId, orderId, await shipment(order)) };
      return { pace: pace.FULFILMENT_DELIVERED_MS, run: () => deliverOrder(userId, orderId) };
    default:
      return null;
  }
}

/** When the order last changed status: the clock its next step's pace runs from. */
function lastChangeAt(order: Order): number {
  const at = order.timeline.at(-1)?.at ?? order.createdAt;
  return Date.parse(at);
}

export type FulfilmentProgress = {
  order: Order;
  /** Milliseconds until the next step is due; absent when the warehouse is done with this message. */
  waitMs?: number;
};

/**
 * Works one message as far as it is due: every step whose pace has passed, then either done or how long until the
 * next one. Throws (the message is then delivered again) when a step could not be done.
 */
export async function processFulfilmentMessage(message: QueueMessage, now: () => number = Date.now): Promise<FulfilmentProgress> {
  let order = await getOrder(message.userId, message.orderId);
  if (!order) throw new AppError('NOT_FOUND', `Order ${message.orderId} does not exist.`);
  let shipmentRepeated = order.status !== 'SHIPPED';
  // At most: accept, ship, (repeat of the shipment's capture), deliver.
  for (let steps = 0; steps < 4; steps++) {
    const step = nextStep(message, order, shipmentRepeated);
    if (!step) return { order };
    const waitMs = lastChangeAt(order) + step.pace - now();
    if (waitMs > 0) return { order, waitMs };
    if (order.status === 'SHIPPED') shipmentRepeated = true;
    order = await step.run();
  }
  return { order };
}
