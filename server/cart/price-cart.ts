import { isPublished, type ProductRecord, variantImage } from '../catalog';
import { money, multiplyMoney, STORE_CURRENCY, sumMoney } from '../platform/money';
import { NO_OFFER, type PromotionOffer, priceWithPromotions, refusalMessage } from '../promotions';
import type { Cart, CartLine, StoredCartLine } from './contract';

// Turns stored lines (product, variant, quantity) into priced lines from current catalog records. This is the
// only place a cart gets prices, and it runs on every read: nothing a client sends or a cache holds is trusted.

export function unitsInStock(record: ProductRecord | undefined, variantId: string): number {
  if (!record || !isPublished(record) || !record.variants.some((v) => v.id === variantId)) return 0;
  return Math.max(0, record.stock[variantId] ?? 0);
}

export function priceLine(line: StoredCartLine, record: ProductRecord | undefined): CartLine {
  const variant = record?.variants.find((v) => v.id === line.variantId);
  // An unpublished product is not sold: its line is shown like a withdrawn one until it is published again.
  if (!record || !variant || !isPublished(record)) {
    // The product or variant was withdrawn: keep the line visible (so the shopper sees why) but worth nothing.
    return {
      lineId: line.lineId,
      productId: line.productId,
      variantId: line.variantId,
      slug: record?.slug ?? '',
      name: record?.name ?? 'Item no longer sold',
      category: record?.category ?? '',
      image: record?.images[0] ?? '',
      options: {},
      unitPrice: money(0),
      quantity: line.quantity,
      lineTotal: money(0),
      available: false,
      availableQuantity: 0,
    };
  }
  const unitPrice = money(variant.price, record.currency);
  const inStock = unitsInStock(record, line.variantId);
  return {
    lineId: line.lineId,
    productId: line.productId,
    variantId: line.variantId,
    slug: record.slug,
    name: record.name,
    category: record.category,
    // The chosen colour's picture when it has its own (ADR 0030).
    image: variantImage(record, variant.options),
    options: variant.options,
    unitPrice,
    quantity: line.quantity,
    lineTotal: multiplyMoney(unitPrice, line.quantity),
    available: inStock >= line.quantity,
    availableQuantity: inStock,
  };
}

/**
 * The priced cart. `offer` is what server/promotions loaded for the cart's code (none by default); the discounts
 * are worked out by its pricing function, without shipping or tax (checkout adds those).
 */
export function priceCart(id: string, lines: StoredCartLine[], products: Map<string, ProductRecord>, offer: PromotionOffer = NO_OFFER, now = new Date()): Cart {
  const items = lines.map((l) => priceLine(l, products.get(l.productId)));
  const subtotal = sumMoney(
    items.map((i) => i.lineTotal),
    STORE_CURRENCY,
  );
  const priced = priceWithPromotions({
    lines: items.map((i) => ({ lineId: i.lineId, category: i.category, amount: i.lineTotal })),
    promotions: offer.promotions,
    code: offer.code,
    customerUses: offer.customerUses,
    shipping: null,
    taxRateBasisPoints: null,
    now,
  });
  const issue = priced.codeIssue;
  const refused = issue ? offer.promotions.find((p) => p.code === issue.code) : undefined;
  return {
    id,
    items,
    subtotal,
    itemCount: items.reduce((n, i) => n + i.quantity, 0),
    discountCode: offer.code,
    discounts: priced.discounts,
    discountTotal: money(priced.discountTotal.amount, subtotal.currency),
    discountIssue: issue ? { ...issue, message: refusalMessage(issue.code, issue.reason, refused?.minSubtotal) } : null,
  };
}

/** A cart with nothing in it (a visitor without a cart cookie). */
export function emptyCart(id = ''): Cart {
  return priceCart(id, [], new Map());
}
