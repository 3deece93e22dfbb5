import { z } from 'zod';
import { type Cart, getCart } from '../cart';
import { AppError } from '../platform/errors';
import { money } from '../platform/money';
import { customerKeyOf, loadOffer, type PromotionOffer } from '../promotions';
import { computeTotals, type Totals } from './compute-totals';
import { pricingLines } from './price-checkout-cart';
import { COUNTRIES, COUNTRY_CODES, type CountryCode } from './regions';
import { SHIPPING_METHOD_IDS, type ShippingOption, shippingOptions } from './shipping-methods';
import { usZipRegionIssue } from './us-zip-region';

// The order review: the same totals place-order will charge, for the address and method chosen so far.

export const quoteQuerySchema = z.object({
  country: z.enum(COUNTRY_CODES as [CountryCode, ...CountryCode[]]).default('US'),
  region: z.string().trim().max(100).default(''),
  postalCode: z.string().trim().max(20).default(''),
  shippingMethod: z.enum(SHIPPING_METHOD_IDS).default('standard'),
});

type QuoteInput = z.infer<typeof quoteQuerySchema>;

export type CheckoutQuote = {
  cart: Cart;
  shippingOptions: ShippingOption[];
  /**
   * Null until the address names a region tax can be worked out for: a Canadian province, or a US state together
   * with a complete ZIP code in that state.
   */
  totals: Pick<Totals, 'subtotal' | 'discount' | 'shipping' | 'tax' | 'total' | 'discounts'> | null;
  /** The cart's code does not apply for this shopper (checkout would answer 409 DISCOUNT_UNAVAILABLE). */
  discountIssue: Cart['discountIssue'];
};

/** The region tax is charged for, or null while the address does not say yet. A US state its ZIP contradicts → 400. */
function taxRegion(input: QuoteInput): string | null {
  const rule = COUNTRIES[input.country];
  if (!rule.regions) return input.region;
  const region = input.region.toUpperCase();
  if (!(region in rule.regions)) return null;
  if (input.country !== 'US') return region;
  if (!rule.postalPattern.test(input.postalCode)) return null;
  const issue = usZipRegionIssue(region, input.postalCode);
  if (issue) throw new AppError('VALIDATION_FAILED', 'The state and the ZIP code do not match.', { details: [{ path: issue.field, message: issue.message }] });
  return region;
}

/**
 * The review of `cart` for this address and method: what placeOrder charges, and what CART_CHANGED answers with.
 * `offer` is the promotions the cart was priced with (server/promotions' loadOffer).
 */
export function quoteForCart(cart: Cart, input: QuoteInput, offer: PromotionOffer): CheckoutQuote {
  const region = taxRegion(input);
  const totals =
    region === null
      ? null
      : computeTotals({
          subtotal: cart.subtotal,
          lines: pricingLines(cart),
          offer,
          shippingMethod: input.shippingMethod,
          address: { country: input.country, region },
        });
  // Merchandise discounts do not depend on the method, so the cart's are the ones the threshold sees.
  const merchandiseDiscount = cart.discounts.reduce((n, d) => n + d.amount.amount - d.shipping.amount, 0);
  return {
    cart,
    shippingOptions: shippingOptions(money(cart.subtotal.amount - merchandiseDiscount, cart.subtotal.currency)),
    totals: totals
      ? { subtotal: totals.subtotal, discount: totals.discount, shipping: totals.shipping, tax: totals.tax, total: totals.total, discounts: totals.discounts }
      : null,
    discountIssue: cart.discountIssue,
  };
}

/** The review for the cart's owner: a signed-in shopper's cart, or a guest's (server/cart currentCartOwner). */
export async function quoteCheckout(owner: Parameters<typeof getCart>[0], input: QuoteInput, email?: string): Promise<CheckoutQuote> {
  const customerKey = customerKeyOf({ email, userId: owner.kind === 'user' ? owner.userId : null });
  const cart = await getCart(owner, customerKey);
  return quoteForCart(cart, input, await loadOffer({ code: cart.discountCode, customerKey }));
}
