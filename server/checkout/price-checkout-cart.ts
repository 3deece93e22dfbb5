import { type Cart, outOfStockError, priceCart, readStoredCart } from '../cart';
import { getCheckoutRecords } from '../catalog';
import type { TransactItem } from '../platform/db';
import { AppError } from '../platform/errors';
import { customerKeyOf, deliveryKeyOf, discountUnavailableError, loadOffer, type PromotionOffer, type Redemption, redemptionItems } from '../promotions';
import type { Shard } from '../stock';
import type { CheckoutRequest } from './checkout-request';
import { computeTotals, type Totals } from './compute-totals';

// Step 2 of placing an order: the shopper's cart as it is now, priced from strongly consistent product and
// promotion reads, with the totals that will be charged. What cannot be had is refused here, before any payment:
// a line short (409 OUT_OF_STOCK), or the cart's code no longer valid (409 DISCOUNT_UNAVAILABLE). A `discount`
// the client sends never gets this far (the body schema strips it).

export type PricedCheckout = {
  cart: Cart;
  cartVersion: number;
  totals: Totals;
  offer: PromotionOffer;
  /** The transaction items counting each applied promotion, and what the order records to give them back. */
  redemption: { items: TransactItem[]; redemptions: Redemption[] };
  /** Products whose units are in the stock ledger (ADR 0029): their lines decrement ledger shards, not the product. */
  ledgerProducts: string[];
  /** Their shards as this pass read them: the first send picks from these; a resend after a conflict reads again. */
  shards: Map<string, Shard[]>;
};

export function pricingLines(cart: Cart) {
  return cart.items.map((i) => ({ lineId: i.lineId, category: i.category, amount: i.lineTotal }));
}

/** Either the priced cart, or why it cannot be ordered (empty, a line short, a code gone): the caller decides. */
export async function priceCheckoutCart(request: CheckoutRequest): Promise<{ priced: PricedCheckout } | { refusal: AppError }> {
  const stored = await readStoredCart(request.cartId);
  if (!stored || stored.lines.length === 0) return { refusal: new AppError('BAD_REQUEST', 'Your cart is empty.') };
  const customerKey = customerKeyOf({ email: request.email, userId: request.userId }) ?? request.userId;
  // One customer for a once-per-customer code: the mailbox and the door it ships to (docs/promotions.md).
  const deliveryKey = deliveryKeyOf(request.body.shippingAddress);
  const [{ records: products, shards }, offer] = await Promise.all([
    getCheckoutRecords(stored.lines.map((l) => ({ productId: l.productId, variantId: l.variantId }))),
    loadOffer({ code: stored.discountCodes?.[0] ?? null, customerKey: [customerKey, deliveryKey] }),
  ]);
  const cart = priceCart(request.cartId, stored.lines, products, offer);
  const short = cart.items.filter((i) => !i.available);
  if (short.length > 0) {
    return {
      refusal: outOfStockError(
        short.map((i) => ({ productId: i.productId, variantId: i.variantId, name: i.name, requested: i.quantity, available: i.availableQuantity })),
      ),
    };
  }
  const totals = computeTotals({
    subtotal: cart.subtotal,
    lines: pricingLines(cart),
    offer,
    shippingMethod: request.body.shippingMethod,
    address: request.body.shippingAddress,
  });
  if (totals.codeIssue) {
    const issue = cart.discountIssue?.code === totals.codeIssue.code ? cart.discountIssue : null;
    return { refusal: discountUnavailableError(totals.codeIssue.code, totals.codeIssue.reason, issue?.message) };
  }
  const ledgerProducts = [...products.values()].filter((p) => p.stockLedger === true).map((p) => p.id);
  return {
    priced: {
      cart,
      cartVersion: stored.version,
      totals,
      offer,
      redemption: redemptionItems(totals.applied, customerKey, [deliveryKey]),
      ledgerProducts,
      shards,
    },
  };
}
