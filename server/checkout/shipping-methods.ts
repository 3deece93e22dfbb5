import { type Money, money } from '../platform/money';

// Flat shipping, the same to every country the shop serves. Standard is free from FREE_SHIPPING_THRESHOLD of
// merchandise (before tax), which the storefront advertises in a banner.

export const FREE_SHIPPING_THRESHOLD: Money = money(7500);

export type ShippingMethodId = 'standard' | 'express';

export type ShippingMethodRule = { id: ShippingMethodId; label: string; estimate: string; price: Money; freeFromThreshold: boolean };

export const SHIPPING_METHODS: readonly ShippingMethodRule[] = [
  { id: 'standard', label: 'Standard', estimate: '5–7 business days', price: money(599), freeFromThreshold: true },
  { id: 'express', label: 'Express', estimate: '1–2 business days', price: money(1499), freeFromThreshold: false },
];

export const SHIPPING_METHOD_IDS = SHIPPING_METHODS.map((m) => m.id) as [ShippingMethodId, ...ShippingMethodId[]];

export type ShippingOption = { id: ShippingMethodId; label: string; estimate: string; price: Money };

/** Each method with its price for this subtotal (standard drops to 0 at the threshold). */
export function shippingOptions(subtotal: Money): ShippingOption[] {
  return SHIPPING_METHODS.map((m) => ({
    id: m.id,
    label: m.label,
    estimate: m.estimate,
    price: m.freeFromThreshold && subtotal.amount >= FREE_SHIPPING_THRESHOLD.amount ? money(0, subtotal.currency) : m.price,
  }));
}

export function shippingPrice(methodId: ShippingMethodId, subtotal: Money): Money {
  const option = shippingOptions(subtotal).find((o) => o.id === methodId);
  if (!option) throw new RangeError(`Unknown shipping method ${methodId}`);
  return option.price;
}
