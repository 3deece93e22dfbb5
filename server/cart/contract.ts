import type { Money } from '../platform/money';
import type { AppliedDiscount, DiscountRefusal } from '../promotions';

/** Who a cart belongs to. Guests are known only by the id inside their signed cookie. */
export type CartOwner = { kind: 'user'; userId: string } | { kind: 'guest'; guestId: string };

/** A line as stored: what and how many, never a price (prices are read live from the catalog). */
export type StoredCartLine = {
  lineId: string;
  productId: string;
  variantId: string;
  quantity: number;
  addedAt: string;
};

/** The carts table item. `version` guards every write, so two tabs adding at once never lose a line. */
export type StoredCart = {
  cartId: string;
  lines: StoredCartLine[];
  version: number;
  updatedAt: string;
  /** The discount code the shopper entered (one per order; docs/promotions.md). Absent on carts written before. */
  discountCodes?: string[];
  /** Epoch seconds; guest carts only (DynamoDB TTL attribute). */
  expiresAt?: number;
};

export type CartLine = {
  lineId: string;
  productId: string;
  variantId: string;
  slug: string;
  name: string;
  /** The product's category slug: promotions apply by category. */
  category: string;
  image: string;
  options: Record<string, string>;
  unitPrice: Money;
  quantity: number;
  lineTotal: Money;
  /** False when the product or variant is gone, or stock no longer covers the quantity. */
  available: boolean;
  /** Units purchasable now (0 when gone); the UI caps its quantity control with it. */
  availableQuantity: number;
};

/** A discount as the cart shows it; API.md's `{ code, description, amount }` plus what kind it is. */
export type CartDiscount = AppliedDiscount;

export type Cart = {
  id: string;
  items: CartLine[];
  subtotal: Money;
  itemCount: number;
  /** The code the shopper entered, applied or not (null: none). */
  discountCode: string | null;
  /** Applied promotions: automatic ones first, then the code. In the cart free shipping shows 0 (no method yet). */
  discounts: CartDiscount[];
  discountTotal: Money;
  /** The entered code no longer applies (the cart changed, it ended, it was used up): why, in words. */
  discountIssue: { code: string; reason: DiscountRefusal; message: string } | null;
};
