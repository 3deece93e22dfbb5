import { z } from 'zod';
import { guestEmailSchema } from '../checkout';
import { findGuestOrder, type Order } from '../orders';
import { AppError } from '../platform/errors';
import { rateLimit } from '../platform/runtime/rate-limit';

// POST /api/orders/lookup and the /orders/lookup form: email + order id → the guest order, or one 404 whether the
// email or the id is wrong. Both failures do the same work (one GetItem under the email's guest partition; no check
// of the id's shape that could answer early), so neither the answer nor its timing tells which was wrong.
// Rate limited: every attempt is counted before the read and a success gives its count back, so parallel guesses
// cannot slip past while the first answers are out (as the sign-in limits, server/identity/attempt-limits.ts).

export const lookupBodySchema = z.object({
  email: guestEmailSchema,
  orderId: z
    .string({ error: 'Enter the order number from your confirmation email.' })
    .trim()
    .min(1, 'Enter the order number from your confirmation email.')
    .max(64, 'An order number is at most 64 characters.'),
});

/** Per client address: a guesser trying many emails or ids. */
const PER_ADDRESS = { points: 10, durationSeconds: 15 * 60 };
/** Per order id, from any address: a guesser rotating addresses to find one order's email. */
const PER_ORDER = { points: 20, durationSeconds: 60 * 60 };

export const NOT_FOUND_MESSAGE = 'We could not find an order with that email address and order number. Check both and try again.';

function rateLimited(retryAfterSeconds: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return new AppError('RATE_LIMITED', `Too many order lookups. Try again in ${wait}.`, { headers: { 'Retry-After': String(seconds) } });
}

export async function lookupGuestOrder(input: { email: string; orderId: string; address: string }): Promise<{ order: Order; owner: string }> {
  const counters = [
    { limit: rateLimit('order-lookup:address', PER_ADDRESS), key: input.address },
    { limit: rateLimit('order-lookup:order', PER_ORDER), key: input.orderId },
  ];
  const taken: typeof counters = [];
  for (const c of counters) {
    const verdict = await c.limit.take(c.key);
    if (!verdict.allowed) {
      await Promise.all(taken.map((t) => t.limit.giveBack(t.key)));
      throw rateLimited(verdict.retryAfterSeconds);
    }
    taken.push(c);
  }
  const found = await findGuestOrder(input.email, input.orderId);
  if (!found) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  await Promise.all(taken.map((t) => t.limit.giveBack(t.key)));
  return found;
}
