import { z } from 'zod';
import type { CountableOrder } from './contract';

// Decides whether an inserted order item counts towards top sellers, and how many units of what.
// Pure, so the stream consumer, the Lambda and the unit tests share it.

/**
 * Orders are inserted by checkout already paid for and PLACED; later status changes arrive as MODIFY records
 * and are not counted. An allow-list (not "anything inserted") keeps a future status such as a pending payment
 * from inflating the ranking; a status we do not know is reported so a rename is noticed rather than silently ignored.
 */
export const COUNTED_STATUSES: ReadonlySet<string> = new Set(['PLACED']);

const orderImageSchema = z.object({
  userId: z.string().min(1),
  orderId: z.string().min(1),
  status: z.string(),
  items: z
    .array(
      z.object({
        productId: z.string().min(1),
        // Units: a fractional or non-positive quantity is corrupt data, not a sale.
        quantity: z.number().int().positive().max(1_000_000),
      }),
    )
    .min(1),
});

export type SkipReason = 'not-an-order' | 'status-not-counted';
export type CountableOrderResult = { ok: true; order: CountableOrder } | { ok: false; reason: SkipReason; detail: string; orderId?: string };

export function toCountableOrder(image: Record<string, unknown>): CountableOrderResult {
  const parsed = orderImageSchema.safeParse(image);
  if (!parsed.success) {
    const orderId = typeof image.orderId === 'string' ? image.orderId : undefined;
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return { ok: false, reason: 'not-an-order', detail, ...(orderId ? { orderId } : {}) };
  }
  const { userId, orderId, status, items } = parsed.data;
  if (!COUNTED_STATUSES.has(status)) {
    return { ok: false, reason: 'status-not-counted', detail: `status ${status}`, orderId };
  }
  // Variants of one product are one entry: the ranking is per product, and a DynamoDB transaction may touch
  // each counter item only once.
  const quantities = new Map<string, number>();
  for (const item of items) quantities.set(item.productId, (quantities.get(item.productId) ?? 0) + item.quantity);
  return { ok: true, order: { userId, orderId, quantities } };
}
