import { z } from 'zod';
import { STORE_CURRENCY } from '../platform/money';
import { listQuery } from '../platform/pagination';
import { type OrderStatus, REFUND_REASONS } from './contract';
import { ORDER_ID_PATTERN } from './order-id';

// What the operations console (/admin/orders and /api/admin/orders) accepts, parsed once for the pages and the
// routes alike. A malformed order id is the same 404 as an unknown one, and never reaches DynamoDB as a key.

export const ORDER_STATUSES = [
  'PLACED',
  'PROCESSING',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
  'RETURN_REQUESTED',
  'RETURNED',
  'PARTIALLY_RETURNED',
  'ON_HOLD',
] as const satisfies readonly OrderStatus[];

export const operationsOrdersQuery = z.object({
  /** Empty or absent: every status (the search form's "Any status" sends `status=`). */
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(ORDER_STATUSES).optional()),
  /** An order id, an order number or an email address; blank means no search. */
  q: z
    .string()
    .trim()
    .max(254)
    .optional()
    .transform((v) => (v ? v : undefined)),
  ...listQuery,
});

export const refundBody = z
  .object({
    amount: z.object({ amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER), currency: z.literal(STORE_CURRENCY) }).strict(),
    reason: z.string().trim().min(1, 'Say why the money goes back.').max(500),
    /** What the shopper is told; the reason above stays with the staff. */
    category: z.enum(REFUND_REASONS).optional(),
  })
  .strict();

export function isOrderId(value: string): boolean {
  return ORDER_ID_PATTERN.test(value);
}

/** POST /api/admin/orders/[id]/review: approve a held order (on to the warehouse) or reject it (void, restock, cancel). */
export const reviewBody = z
  .object({
    decision: z.enum(['approve', 'reject']),
    note: z.string().trim().max(500).optional().default(''),
  })
  .strict();
