import type { AuthorizationResult } from '../payments';
import { getConfig } from '../platform/config';
import { AppError } from '../platform/errors';

// How a payment that did not go through answers checkout (API.md): 402 AUTHENTICATION_REQUIRED with the issuer's
// challenge to open (3-D Secure; the same Idempotency-Key completes the order after it is passed), or 402
// PAYMENT_DECLINED with the processor's reason. Messages come from the processor and never carry card data.

export function paymentRefusal(result: AuthorizationResult & { approved: false }): AppError {
  if (result.reason === 'authentication_required' && 'nextActionUrl' in result) {
    return new AppError('AUTHENTICATION_REQUIRED', 'Your bank asks you to confirm this payment. Open the check, then place the order again.', {
      details: { nextAction: { type: 'redirect', url: result.nextActionUrl } },
    });
  }
  return new AppError('PAYMENT_DECLINED', result.message, { details: { reason: result.reason } });
}

/** Where the processor's challenge page sends the shopper back: the checkout page, which re-submits. */
export function challengeReturnUrl(): string {
  return new URL('/checkout', getConfig().SITE_URL).toString();
}
