import { AppError } from '../platform/errors';
import { formatMoney, type Money } from '../platform/money';
import type { DiscountRefusal } from './contract';

// The shopper's words for each refusal: the cart and checkout show the message as it is.

export function refusalMessage(code: string, reason: DiscountRefusal, minSubtotal?: Money | null): string {
  switch (reason) {
    case 'unknown':
      return `We do not recognise the code ${code}. Check it and try again.`;
    case 'expired':
      return `The code ${code} has ended.`;
    case 'not-started':
      return `The code ${code} is not active yet.`;
    case 'exhausted':
      return `The code ${code} has been used up.`;
    case 'min-subtotal':
      return minSubtotal ? `The code ${code} needs a subtotal of at least ${formatMoney(minSubtotal)}.` : `Your cart does not reach the minimum for ${code}.`;
    case 'not-applicable':
      return `The code ${code} does not apply to anything in your cart.`;
    case 'already-used':
      return `You have already used the code ${code}.`;
  }
}

/** 400 INVALID_DISCOUNT: the code cannot be added to the cart. */
export function invalidDiscountError(code: string, reason: DiscountRefusal, message = refusalMessage(code, reason)): AppError {
  return new AppError('INVALID_DISCOUNT', message, { details: { code, reason } });
}

/** 409 DISCOUNT_UNAVAILABLE: the cart's code no longer applies at checkout; nothing was written. */
export function discountUnavailableError(code: string, reason: DiscountRefusal, message = refusalMessage(code, reason)): AppError {
  return new AppError('DISCOUNT_UNAVAILABLE', `${message} Remove it to place the order without it.`, {
    details: { code, reason },
  });
}
