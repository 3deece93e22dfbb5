import type { Money } from '../money';
import type { AppliedDiscount, Redemption } from '../promotions';

export type OrderStatus = 'PLACED' | 'PROCESSING' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED' | 'RETURN_REQUESTED' | 'RETURNED';

import type { PaymentAmounts, PaymentStatus } from '../payments';

export type { PaymentAmounts, PaymentStatus };

export type ShippingAddress = {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
};

export type OrderLine = {
  productId: string;
  variantId: string;
  slug: string;
  name: string;
  options: Record<string, string>;
  image: string;
  unitPrice: Money;
  quantity: number;
  lineTotal: Money;
};

/** Brand and last four digits: the only card facts ever kept. */
export type PaymentSummary = { brand: string; last4: string };

export type OrderPayment = PaymentSummary & { status: PaymentStatus; authorized: Money; captured: Money; refunded: Money };

export type Fulfilment = {
  carrier: string;
  trackingNumber: string;
  shippedAt: string;
  deliveredAt: string | null;
  estimatedDelivery: string;
};

export type OrderActor = { by: 'shopper'; userId: string } | { by: 'operations'; userId: string } | { by: 'system' };

export type TimelineEntry = { at: string; status: OrderStatus; by: OrderActor['by']; note?: string };

export type ReturnRequest = { lines: { variantId: string; productId?: string; quantity: number }[]; reason: string; requestedAt: string };

export type Order = {
  id: string;
  status: OrderStatus;
  createdAt: string;
  email: string;
  items: OrderLine[];
  subtotal: Money;
  discount: Money;
  discountCodes: string[];
  /** Each discount (API.md `{ code, description, amount }`, plus kind, automatic and the shipping part). */
  discounts: AppliedDiscount[];
  shipping: Money;
  tax: Money;
  total: Money;
  shippingAddress: ShippingAddress;
  shippingMethod: { id: string; label: string };
  payment: OrderPayment;
  fulfilment: Fulfilment | null;
  timeline: TimelineEntry[];
  /** The open or last return (API.md leaves it out; the order page shows what was asked). */
  returnRequest: ReturnRequest | null;
};

export type OrderSummary = {
  id: string;
  status: OrderStatus;
  createdAt: string;
  itemCount: number;
  total: Money;
  /** First line's name, so a list row says what was bought. */
  firstItemName: string;
};

/**
 * The orders table item. `userId` is the partition key: reading by (caller, id) is the ownership check.
 * The orders stream (top sellers) reads `items[].productId/variantId/quantity` and `createdAt` from here.
 * Fields after `taxRateBasisPoints` arrived with the order lifecycle (issue 12): items written before have none of
 * them, and the readers default each (to-order.ts).
 */
export type OrderRecord = Omit<Order, 'id' | 'payment' | 'email' | 'discount' | 'discountCodes' | 'discounts' | 'fulfilment' | 'timeline' | 'returnRequest'> & {
  userId: string;
  orderId: string;
  payment: PaymentSummary & { provider: string; authorizationId: string };
  /** Copies of the tax rate applied (basis points), so a later table change cannot rewrite history. */
  taxRateBasisPoints: number;
  /** Lower-cased; the byEmail index key. Absent on orders written before checkout stored it. */
  email?: string;
  discount?: Money;
  discountCodes?: string[];
  discounts?: AppliedDiscount[];
  /** The promotion redemptions checkout counted: a cancellation gives them back (server/promotions releaseItems). */
  redemptions?: Redemption[];
  /** Bumped by every transition; absent means 0. */
  version?: number;
  timeline?: TimelineEntry[];
  fulfilment?: Fulfilment | null;
  returnRequest?: ReturnRequest | null;
  paymentAmounts?: PaymentAmounts;
  /** Set when a received return is marked damaged (nothing restocked). */
  returnDamaged?: boolean;
  /** On an order moved from a guest partition into an account (claim-guest-orders.ts): the guest key, and when. */
  claimedFrom?: string;
  claimedAt?: string;
};

/**
 * What a claimed guest order leaves at its guest key (claim-guest-orders.ts): only keys and where it went. It has no
 * status, email or items, so the byEmail and byStatus indexes drop it; byOrderId still lists it, and readers follow it.
 */
export type MovedOrderMarker = { userId: string; orderId: string; movedTo: string; movedAt: string };
