import { addMoney, type Money, percentOf } from '../money';
import type { CountryCode } from './regions';
import { type ShippingMethodId, shippingPrice } from './shipping-methods';
import { taxRateBasisPoints } from './tax-rates';

export type Totals = { subtotal: Money; shipping: Money; tax: Money; total: Money; taxRateBasisPoints: number };

/** Server-side totals in integer minor units: tax rounds half up once, on the subtotal (see tax-rates.ts). */
export function computeTotals(input: { subtotal: Money; shippingMethod: ShippingMethodId; address: { country: CountryCode; region: string } }): Totals {
  const shipping = shippingPrice(input.shippingMethod, input.subtotal);
  const rate = taxRateBasisPoints(input.address);
  const tax = percentOf(input.subtotal, rate);
  return { subtotal: input.subtotal, shipping, tax, total: addMoney(addMoney(input.subtotal, shipping), tax), taxRateBasisPoints: rate };
}
