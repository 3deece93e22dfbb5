import { cartKey } from '../cart';
import { getConfig } from '../config';
import { AppError } from '../errors';
import { validationError } from '../http/respond';
import { hashCheckoutBody } from './body-hash';
import { refuseCardData } from './card-data-refusal';
import { type CheckoutBody, checkoutBodySchema, idempotencyKeySchema } from './checkout-schema';
import { idempotencyRecordKey } from './idempotency-store';
import { SHIPPING_METHODS, type ShippingMethodRule } from './shipping-methods';

// What one checkout request is, once its header and body are checked: everything the steps of placeOrder read.

export type CheckoutRequest = {
  userId: string;
  /** Lower-cased, when the caller has one. */
  email?: string;
  body: CheckoutBody;
  /** Keyed MAC of the canonical body: a replay must carry the same request. */
  bodyHash: string;
  /** `<userId>#<Idempotency-Key>`: keys are scoped per shopper. */
  recordKey: string;
  cartId: string;
  method: ShippingMethodRule;
};

export function parseCheckoutRequest(input: { userId: string; email?: string; idempotencyKey: string | null | undefined; body: unknown }): CheckoutRequest {
  refuseCardData(input.body);
  const key = idempotencyKeySchema.safeParse(input.idempotencyKey);
  if (!key.success) {
    throw new AppError('BAD_REQUEST', 'The Idempotency-Key header is required: 8 to 200 printable characters, one per checkout attempt (a UUID works).');
  }
  const parsed = checkoutBodySchema.safeParse(input.body);
  if (!parsed.success) throw validationError(parsed.error, 'Please check the highlighted checkout fields.');
  const body = parsed.data;
  const method = SHIPPING_METHODS.find((m) => m.id === body.shippingMethod);
  if (!method) throw new AppError('VALIDATION_FAILED', 'Unknown shipping method.');
  return {
    userId: input.userId,
    email: input.email?.trim().toLowerCase() || undefined,
    body,
    bodyHash: hashCheckoutBody(body, getConfig().SESSION_SECRET),
    recordKey: idempotencyRecordKey(input.userId, key.data),
    cartId: cartKey({ kind: 'user', userId: input.userId }),
    method,
  };
}
