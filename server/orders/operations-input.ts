import { z } from 'zod';
import { STORE_CURRENCY } from '../money';
import { listQuery } from '../pagination/cursor';
import { ORDER_ID_PATTERN } from './order-id';
import type { OrderStatus } from './order-types';

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
] as const satisfies readonly OrderStatus[];

export const operationsOrdersQuery = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  /** An order id or an email address; blank means no search. */
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
  })
  .strict();

export function isOrderId(value: string): boolean {
  return ORDER_ID_PATTERN.test(value);
}
