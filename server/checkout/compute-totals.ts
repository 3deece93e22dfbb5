import type { Money } from '../platform/money';
import {
  type AppliedDiscount,
  NO_OFFER,
  type PricedPromotions,
  type PricingLine,
  type Promotion,
  type PromotionOffer,
  priceWithPromotions,
} from '../promotions';
import type { CountryCode } from './regions';
import { type ShippingMethodId, shippingPrice } from './shipping-methods';
import { taxRateBasisPoints } from './tax-rates';

export type Totals = {
  subtotal: Money;
  /** Every discount together: merchandise and shipping taken off. */
  discount: Money;
  shipping: Money;
  tax: Money;
  total: Money;
  taxRateBasisPoints: number;
  discounts: AppliedDiscount[];
  /** The promotions checkout counts a redemption of. */
  applied: Promotion[];
  codeIssue: PricedPromotions['codeIssue'];
};

/**
 * Server-side totals in integer minor units, through server/promotions' pricing function with this shop's shipping
 * and tax tables: total = subtotal − discount + shipping + tax; tax rounds half up once, on the merchandise after
 * discounts (see tax-rates.ts and docs/promotions.md). Without `lines` the subtotal is one undiscountable amount.
 */
export function computeTotals(input: {
  subtotal: Money;
  lines?: PricingLine[];
  offer?: PromotionOffer;
  shippingMethod: ShippingMethodId;
  address: { country: CountryCode; region: string };
  now?: Date;
}): Totals {
  const rate = taxRateBasisPoints(input.address);
  const offer = input.offer ?? NO_OFFER;
  const priced = priceWithPromotions({
    lines: input.lines ?? [{ lineId: 'subtotal', category: '', amount: input.subtotal }],
    promotions: offer.promotions,
    code: offer.code,
    customerUses: offer.customerUses,
    shipping: { methodId: input.shippingMethod, priceFor: (merchandise) => shippingPrice(input.shippingMethod, merchandise) },
    taxRateBasisPoints: rate,
    now: input.now ?? new Date(),
  });
  // shipping, tax and total are set whenever a method and a rate are given, as here.
  const { shipping, tax, total } = priced as PricedPromotions & { shipping: Money; tax: Money; total: Money };
  return {
    subtotal: priced.subtotal,
    discount: priced.discountTotal,
    shipping,
    tax,
    total,
    taxRateBasisPoints: rate,
    discounts: priced.discounts,
    applied: priced.applied,
    codeIssue: priced.codeIssue,
  };
}
