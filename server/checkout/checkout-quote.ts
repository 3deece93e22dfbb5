import { z } from 'zod';
import { getCart, type Cart } from '../cart';
import { COUNTRIES, COUNTRY_CODES, type CountryCode } from './regions';
import { computeTotals, type Totals } from './compute-totals';
import { SHIPPING_METHOD_IDS, shippingOptions, type ShippingMethodId, type ShippingOption } from './shipping-methods';

// The order review: the same totals place-order will charge, for the address and method chosen so far.

export const quoteQuerySchema = z.object({
  country: z.enum(COUNTRY_CODES as [CountryCode, ...CountryCode[]]).default('US'),
  region: z.string().trim().max(100).default(''),
  shippingMethod: z.enum(SHIPPING_METHOD_IDS).default('standard'),
});

export type CheckoutQuote = {
  cart: Cart;
  shippingOptions: ShippingOption[];
  /** Null until the address names a region tax can be worked out for (a US state, a Canadian province). */
  totals: Omit<Totals, 'taxRateBasisPoints'> | null;
};

export async function quoteCheckout(userId: string, input: { country: CountryCode; region: string; shippingMethod: ShippingMethodId }): Promise<CheckoutQuote> {
  const cart = await getCart({ kind: 'user', userId });
  const regions = COUNTRIES[input.country].regions;
  const region = regions ? input.region.toUpperCase() : input.region;
  const known = !regions || region in regions;
  const totals = known ? computeTotals({ subtotal: cart.subtotal, shippingMethod: input.shippingMethod, address: { country: input.country, region } }) : null;
  return {
    cart,
    shippingOptions: shippingOptions(cart.subtotal),
    totals: totals ? { subtotal: totals.subtotal, shipping: totals.shipping, tax: totals.tax, total: totals.total } : null,
  };
}
