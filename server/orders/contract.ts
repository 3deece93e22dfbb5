import type { OrderRisk } from '../fraud/contract';
import type { Money } from '../platform/money';
import type { AppliedDiscount, Redemption } from '../promotions';

/**
 * Days after delivery a return may be asked for. Here, client-safe, because the promise is repeated to shoppers
 * (checkout, the returns help page) and agents (server/agents get_policies): all read this one number.
 */
export const RETURN_WINDOW_DAYS = 30;

export type OrderStatus =
  | 'PLACED'
  | 'PROCESSING'
  | 'SHIPPED'
  | 'DELIVERED'
  | 'CANCELLED'
  | 'RETURN_REQUESTED'
  | 'RETURNED'
  // Some delivered units returned and refunded (API.md "Orders, told truthfully"); the rest may still be returned.
  | 'PARTIALLY_RETURNED'
  // Fraud screening's `review`: authorised, not sent to the warehouse until operations approve it.
  | 'ON_HOLD';

export type { OrderRisk };

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
  /** Units of this line received back and refunded (0 until a return arrives). Optional on stored items. */
  returnedQuantity: number;
};

/** Why money went back, in the shopper's words (API.md); the staff's own note stays on the operations view. */
export type RefundReason = 'return' | 'goodwill' | 'cancellation' | 'other';
export const REFUND_REASONS = ['return', 'goodwill', 'cancellation', 'other'] as const satisfies readonly RefundReason[];

export type Refund = { at: string; amount: Money; reason: RefundReason };

/** A refund's reason as the shopper reads it (page and email alike). */
export const REFUND_REASON_LABELS: Record<RefundReason, string> = {
  return: 'Returned items',
  goodwill: 'Goodwill refund',
  cancellation: 'Cancellation',
  other: 'Refund',
};

/** The (simulated) carrier's tracking page for a parcel, on this site (app/carrier). */
export function carrierTrackingPath(trackingNumber: string): string {
  return `/carrier/track/${encodeURIComponent(trackingNumber)}`;
}
/** As stored on the order: the ledger entry's id names the refund (its email is sent once per entry). */
export type StoredRefund = Refund & { entryId: string };

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

export type TimelineEntry = {
  at: string;
  status: OrderStatus;
  by: OrderActor['by'];
  /** Shown to the shopper (never a staff note: those are `staffNote`, on the operations view only). */
  note?: string;
  /** What happened when it is not the status itself (a refund leaves the status as it was). */
  event?: 'refund';
  staffNote?: string;
};

export type ReturnRequest = {
  lines: { variantId: string; productId?: string; quantity: number }[];
  reason: string;
  requestedAt: string;
  /** The return's own number (the order number and a sequence, `TT-4KQ7PX-R1`): on the label and in the mail. */
  number?: string;
  /** 1 for the order's first return; a partly returned order may be returned again. Absent means 1. */
  sequence?: number;
};

export type Order = {
  id: string;
  /** The human order number (`TT-4KQ7PX`); orders placed before numbers existed show their id here. */
  number: string;
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
  /** Money given back, oldest first, in shopper words. */
  refunds: Refund[];
};

/** The operations view (API.md "Fraud screening"): the order plus its screening, never shown to the shopper. */
export type OperationsOrder = Order & {
  risk: OrderRisk | null;
  /** While ON_HOLD: when the hold is rejected by itself, safely before the card authorisation lapses. */
  holdExpiresAt: string | null;
};

export type OrderSummary = {
  id: string;
  number: string;
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
export type OrderRecord = Omit<
  Order,
  'id' | 'number' | 'items' | 'payment' | 'email' | 'discount' | 'discountCodes' | 'discounts' | 'fulfilment' | 'timeline' | 'returnRequest' | 'refunds'
> & {
  /** Absent on orders placed before order numbers (issue 28). */
  number?: string;
  items: (Omit<OrderLine, 'returnedQuantity'> & { returnedQuantity?: number })[];
  refunds?: StoredRefund[];
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
  /** Fraud screening's decision at checkout (server/fraud); absent on orders placed before screening existed. */
  risk?: OrderRisk;
  /** Set on an ON_HOLD order: the hold expiry sweep rejects it (with the void) at this time. */
  holdExpiresAt?: string;
  /**
   * The byStatus index key, `<status>#<shard>` (statusShardKey in server/platform/db/tables.ts, ADR 0033): written
   * with every status, by checkout and by each transition. Absent on orders written before it until
   * `npm run reshard:listings` adds it (such orders are missing from the status lists until then).
   */
  statusShard?: string;
};

/**
 * What a claimed guest order leaves at its guest key (claim-guest-orders.ts): only keys and where it went. It has no
 * status, email or items, so the byEmail and byStatus indexes drop it; byOrderId still lists it, and readers follow it.
 */
export type MovedOrderMarker = { userId: string; orderId: string; movedTo: string; movedAt: string };
