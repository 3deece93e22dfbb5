import { cartKey } from '../cart';
import { getConfig } from '../platform/config';
import { AppError } from '../platform/errors';
import { validationError } from '../platform/http/respond';
import { hashCheckoutBody } from './body-hash';
import { refuseCardData } from './card-data-refusal';
import { type CheckoutBody, checkoutBodySchema, idempotencyKeySchema } from './checkout-schema';
import { guestCheckoutScope, guestEmailFrom } from './guest-checkout';
import { idempotencyRecordKey } from './idempotency-store';
import { SHIPPING_METHODS, type ShippingMethodRule } from './shipping-methods';

// What one checkout request is, once its header and body are checked: everything the steps of placeOrder read.

export type CheckoutRequest = {
  /** The order's partition: the shopper's sub, or the guest partition of the email (server/orders guest-owner.ts). */
  userId: string;
  /** Lower-cased, when the caller has one. */
  email?: string;
  body: CheckoutBody;
  /** Keyed MAC of the canonical body: a replay must carry the same request. */
  bodyHash: string;
  /** `<userId>#<Idempotency-Key>`: keys are scoped per shopper; a guest's per guest cart (guest-checkout.ts). */
  recordKey: string;
  cartId: string;
  method: ShippingMethodRule;
};

/** Who is checking out: a signed-in shopper (email from the session), or a guest (email from the body). */
export type CheckoutCustomer = { userId: string; email?: string } | { guestCartId: string };

export function parseCheckoutRequest(input: CheckoutCustomer & { idempotencyKey: string | null | undefined; body: unknown }): CheckoutRequest {
  refuseCardData(input.body);
  const key = idempotencyKeySchema.safeParse(input.idempotencyKey);
  if (!key.success) {
    throw new AppError('BAD_REQUEST', 'The Idempotency-Key header is required: 8 to 200 printable characters, one per checkout attempt (a UUID works).');
  }
  // A guest's email is checked first: it is the first field of the form.
  const guestEmail = 'guestCartId' in input ? guestEmailFrom(input.body) : undefined;
  const parsed = checkoutBodySchema.safeParse(input.body);
  if (!parsed.success) throw validationError(parsed.error, 'Please check the highlighted checkout fields.');
  const body = parsed.data;
  const method = SHIPPING_METHODS.find((m) => m.id === body.shippingMethod);
  if (!method) throw new AppError('VALIDATION_FAILED', 'Unknown shipping method.');
  const { SESSION_SECRET } = getConfig();
  if ('guestCartId' in input && guestEmail) {
    const scope = guestCheckoutScope(guestEmail, input.guestCartId);
    return {
      userId: scope.userId,
      email: guestEmail,
      body,
      // The email is part of what a replay must repeat: it decides where the order lives.
      bodyHash: hashCheckoutBody({ ...body, email: guestEmail }, SESSION_SECRET),
      recordKey: idempotencyRecordKey(scope.keyScope, key.data),
      cartId: scope.cartId,
      method,
    };
  }
  const shopper = input as { userId: string; email?: string };
  return {
    userId: shopper.userId,
    email: shopper.email?.trim().toLowerCase() || undefined,
    body,
    bodyHash: hashCheckoutBody(body, SESSION_SECRET),
    recordKey: idempotencyRecordKey(shopper.userId, key.data),
    cartId: cartKey({ kind: 'user', userId: shopper.userId }),
    method,
  };
}
