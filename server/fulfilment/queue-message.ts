import { z } from 'zod';

// What goes on the queue to the warehouse. One message per (order, event): the FIFO group is the order (its
// events are handled in order, other orders in parallel) and the deduplication id is order + event, so the stream
// delivering the same change twice within SQS's five-minute window sends it once; after that the warehouse's
// transitions are no-ops for an order already past them.

const FULFILMENT_EVENTS = ['order.placed', 'return.requested'] as const;

export const queueMessageSchema = z.object({
  event: z.enum(FULFILMENT_EVENTS),
  orderId: z.string().min(1).max(64),
  userId: z.string().min(1).max(256),
  /** The return's sequence (a partly returned order may be returned again): its own deduplication id. */
  sequence: z.number().int().min(1).max(1_000).optional(),
});
export type QueueMessage = z.infer<typeof queueMessageSchema>;

export function deduplicationId(m: Pick<QueueMessage, 'orderId' | 'event' | 'sequence'>): string {
  return m.sequence && m.sequence > 1 ? `${m.orderId}:${m.event}:${m.sequence}` : `${m.orderId}:${m.event}`;
}

/** The order id of a body, when it has one (dead letters may be anything). */
export function orderIdOf(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { orderId?: unknown };
    return typeof parsed.orderId === 'string' ? parsed.orderId : null;
  } catch {
    return null;
  }
}
