import { z } from 'zod';
import type { Money } from '../platform/money';

// The promotion's shapes in one place: what DynamoDB stores, what the admin API returns (API.md `Promotion`, plus
// `automatic` and `shippingMethods`), and the reasons a code is refused. Pure types: the pricing function, the
// store and (type-only) the UI all read them.

export const PROMOTION_KINDS = ['percent', 'amount', 'free-shipping'] as const;
export type PromotionKind = (typeof PROMOTION_KINDS)[number];

/** Why a code does not apply: API.md's `details.reason` of INVALID_DISCOUNT (and of DISCOUNT_UNAVAILABLE). */
export const DISCOUNT_REFUSALS = ['unknown', 'expired', 'not-started', 'exhausted', 'min-subtotal', 'not-applicable', 'already-used'] as const;
export type DiscountRefusal = (typeof DISCOUNT_REFUSALS)[number];

export type Promotion = {
  /** Upper case; shoppers may type it in any case. Automatic promotions have one too: it names them in orders. */
  code: string;
  description: string;
  kind: PromotionKind;
  /** percent: 1–100; amount: minor units; free-shipping: 0. */
  value: number;
  /** On the merchandise subtotal before any discount. */
  minSubtotal: Money | null;
  /** ISO instants; the promotion runs from startsAt (inclusive) to endsAt (exclusive); null is open. */
  startsAt: string | null;
  endsAt: string | null;
  /** Orders that may use it, in total; null is unlimited. */
  usageLimit: number | null;
  /** Orders one customer may use it on; null is unlimited. Codes only (an automatic promotion has none). */
  perCustomerLimit: number | null;
  /** Category slugs whose lines it discounts; null is every line. */
  categories: string[] | null;
  active: boolean;
  /** True: applies to everyone in its window without a code being entered (a shopper cannot type its code). */
  automatic: boolean;
  /** free-shipping only: the shipping method ids it makes free; null is every method. */
  shippingMethods: string[] | null;
  /** Orders placed with it and not cancelled. */
  redemptions: number;
  version: number;
  updatedBy: string;
  updatedAt: string;
};

/** One discount as the cart, the quote and the order show it (API.md `discounts[]`, plus what it came from). */
export type AppliedDiscount = {
  code: string;
  description: string;
  kind: PromotionKind;
  automatic: boolean;
  /** Merchandise plus shipping taken off. */
  amount: Money;
  shipping: Money;
};

/** What a marketer edits; also what each audit entry snapshots before and after. */
export type PromotionSettings = Omit<Promotion, 'code' | 'redemptions' | 'version' | 'updatedBy' | 'updatedAt'>;

/** A discount code as the shopper types it: POST /api/cart/discount's body and the cart form's field. */
export const discountCodeBodySchema = z.object({ code: z.string().trim().min(1, 'Enter a discount code.').max(64, 'That is not a discount code.') });
