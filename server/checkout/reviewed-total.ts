import { AppError } from '../platform/errors';
import { quoteForCart } from './checkout-quote';
import type { CheckoutRequest } from './checkout-request';
import type { PricedCheckout } from './price-checkout-cart';

// Step 2b of placing an order: the order charged must be the order reviewed (issue 19.5). The review quoted a
// total; if the cart changed since (another tab added units, a price moved), the shopper sees the new quote and
// confirms again — nothing is authorised or written first.

/** CART_CHANGED with the new quote when the request's expected total is not what the cart now costs; else null. */
export function reviewedTotalMismatch(request: CheckoutRequest, priced: PricedCheckout): AppError | null {
  const expected = request.body.expectedTotal;
  const total = priced.totals.total;
  if (!expected || (expected.amount === total.amount && expected.currency === total.currency)) return null;
  const { country, region, postalCode } = request.body.shippingAddress;
  const quote = quoteForCart(priced.cart, { country, region, postalCode, shippingMethod: request.body.shippingMethod }, priced.offer);
  return new AppError('CART_CHANGED', 'Your cart changed since you reviewed it. Check the updated order and total, then place the order again.', {
    details: { expectedTotal: expected, quote },
  });
}
