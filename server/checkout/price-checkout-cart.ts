import { type Cart, outOfStockError, priceCart, readStoredCart } from '../cart';
import { getProductRecords } from '../catalog';
import { AppError } from '../errors';
import type { CheckoutRequest } from './checkout-request';
import { computeTotals, type Totals } from './compute-totals';

// Step 2 of placing an order: the shopper's cart as it is now, priced from strongly consistent product reads,
// with the totals that will be charged. What cannot be had is refused here, before any payment.

export type PricedCheckout = { cart: Cart; cartVersion: number; totals: Totals };

/** Either the priced cart, or why it cannot be ordered (empty, a line short): the caller decides what to answer. */
export async function priceCheckoutCart(request: CheckoutRequest): Promise<{ priced: PricedCheckout } | { refusal: AppError }> {
  const stored = await readStoredCart(request.cartId);
  if (!stored || stored.lines.length === 0) return { refusal: new AppError('BAD_REQUEST', 'Your cart is empty.') };
  const products = await getProductRecords(stored.lines.map((l) => l.productId));
  const cart = priceCart(request.cartId, stored.lines, products);
  const short = cart.items.filter((i) => !i.available);
  if (short.length > 0) {
    return {
      refusal: outOfStockError(
        short.map((i) => ({ productId: i.productId, variantId: i.variantId, name: i.name, requested: i.quantity, available: i.availableQuantity })),
      ),
    };
  }
  const totals = computeTotals({ subtotal: cart.subtotal, shippingMethod: request.body.shippingMethod, address: request.body.shippingAddress });
  return { priced: { cart, cartVersion: stored.version, totals } };
}
