import type { CartDiscount } from '@/server/cart/contract';
import type { Money } from '@/server/platform/money';

/** Serializable country rules for the form (no RegExp across the server/client boundary). */
export type CountryOption = { code: string; name: string; regionLabel: string; postalLabel: string; regions: [string, string][] | null };

export type ShippingOptionView = { id: string; label: string; estimate: string; price: Money };

export type ReviewLine = { lineId: string; name: string; options: Record<string, string>; quantity: number; lineTotal: Money; available: boolean };

export type QuoteView = {
  lines: ReviewLine[];
  subtotal: Money;
  shippingOptions: ShippingOptionView[];
  totals: { subtotal: Money; discount: Money; shipping: Money; tax: Money; total: Money; discounts: CartDiscount[] } | null;
  /** The cart's discounts before an address is known (no shipping part yet). */
  discounts: CartDiscount[];
};
