import { isPublished, type ProductRecord } from '../catalog';
import { money, multiplyMoney, STORE_CURRENCY, sumMoney } from '../money';
import type { Cart, CartLine, StoredCartLine } from './cart-types';

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
    image: record.images[0] ?? '',
    options: variant.options,
    unitPrice,
    quantity: line.quantity,
    lineTotal: multiplyMoney(unitPrice, line.quantity),
    available: inStock >= line.quantity,
    availableQuantity: inStock,
  };
}

export function priceCart(id: string, lines: StoredCartLine[], products: Map<string, ProductRecord>): Cart {
  const items = lines.map((l) => priceLine(l, products.get(l.productId)));
  return {
    id,
    items,
    subtotal: sumMoney(
      items.map((i) => i.lineTotal),
      STORE_CURRENCY,
    ),
    itemCount: items.reduce((n, i) => n + i.quantity, 0),
  };
}
