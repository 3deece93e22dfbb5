import { createHash } from 'node:crypto';
import { getConfig } from '../config';
import { sleep } from '../db';
import { AppError } from '../errors';
import { estimateDelivery } from '../locations';
import { acceptOrder, deliverOrder, getOrder, type Order, receiveReturn, shipOrder } from '../orders';
import type { QueueMessage } from './queue-message';

// The simulated warehouse (standing in for the OMS of the seeds): takes a placed order through PROCESSING,
// SHIPPED and DELIVERED at the configured pace, and receives a requested return. Every step is a conditional
// transition that does nothing for an order already past it, so a redelivered message (a duplicate, or one whose
// worker died mid-way) carries on from where the order is: one shipment, one capture.

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

/** Works one message to the end. Throws (the message is then delivered again) when a step could not be done. */
export async function processFulfilmentMessage(message: QueueMessage): Promise<Order> {
  const pace = getConfig();
  let order = await getOrder(message.userId, message.orderId);
  if (!order) throw new AppError('NOT_FOUND', `Order ${message.orderId} does not exist.`);
  if (message.event === 'return.requested') {
    if (order.status === 'RETURN_REQUESTED') {
      await sleep(pace.FULFILMENT_RETURN_MS);
      order = await receiveReturn(message.userId, message.orderId, { damaged: looksDamaged(order) });
    }
    return order;
  }
  if (order.status === 'PLACED') {
    await sleep(pace.FULFILMENT_PROCESSING_MS);
    order = await acceptOrder(message.userId, message.orderId);
  }
  if (order.status === 'PROCESSING') {
    await sleep(pace.FULFILMENT_SHIPPED_MS);
    order = await shipOrder(message.userId, message.orderId, await shipment(order));
  } else if (order.status === 'SHIPPED' && order.payment.status === 'CAPTURED') {
    // Shipped by an attempt that died before the processor call: shipOrder repeats only that call, by its key.
    order = await shipOrder(message.userId, message.orderId, await shipment(order));
  }
  if (order.status === 'SHIPPED') {
    await sleep(pace.FULFILMENT_DELIVERED_MS);
    order = await deliverOrder(message.userId, message.orderId);
  }
  return order;
}
