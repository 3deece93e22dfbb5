import type { Money } from '../money';

export type OrderStatus = 'PLACED' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED';

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

export type Order = {
  id: string;
  status: OrderStatus;
  createdAt: string;
  items: OrderLine[];
  subtotal: Money;
  shipping: Money;
  tax: Money;
  total: Money;
  shippingAddress: ShippingAddress;
  shippingMethod: { id: string; label: string };
  payment: PaymentSummary;
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
 */
export type OrderRecord = Omit<Order, 'id' | 'payment'> & {
  userId: string;
  orderId: string;
  payment: PaymentSummary & { provider: string; authorizationId: string };
  /** Copies of the tax rate applied (basis points), so a later table change cannot rewrite history. */
  taxRateBasisPoints: number;
};
