import { z } from 'zod';
import { cartKey } from '../cart';
import { guestOrderOwner } from '../orders';
import { validationError } from '../platform/http/respond';

// What makes a checkout a guest's: no session, a guest cart (its signed cookie), and an email in the body, where
// the confirmation goes and by which the order can be looked up or claimed. Everything else — pricing, stock,
// payment, the one transaction — is the shopper's path, unchanged (place-order.ts).

export const guestEmailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address.')
  .max(254, 'An email address is at most 254 characters.')
  .pipe(z.email('Enter a valid email address, like name@example.com.'));

/** The guest's email from the raw body, or 400 VALIDATION_FAILED under `email`. */
export function guestEmailFrom(body: unknown): string {
  const raw = typeof body === 'object' && body !== null ? (body as { email?: unknown }).email : undefined;
  const parsed = z.object({ email: guestEmailSchema }).safeParse({ email: raw });
  if (!parsed.success) throw validationError(parsed.error, 'Please check the highlighted checkout fields.');
  return parsed.data.email;
}

/**
 * The guest's order owner (server/orders guest-owner.ts) and the scope of their Idempotency-Keys: the guest cart,
 * so two guests who send the same key (or the same email) can never answer each other's checkout.
 */
export function guestCheckoutScope(email: string, guestCartId: string): { userId: string; keyScope: string; cartId: string } {
  const cartId = cartKey({ kind: 'guest', guestId: guestCartId });
  return { userId: guestOrderOwner(email), keyScope: cartId, cartId };
}
