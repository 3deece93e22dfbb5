import type { OrderRisk } from '../fraud';
import type { OrderRecord } from '../orders';
import { statusShardKey } from '../platform/db/tables';
import type { CheckoutRequest } from './checkout-request';
import { IDEMPOTENCY_TTL_SECONDS, type IdempotencyRecord } from './idempotency-store';
import type { Hold } from './payment-hold';
import type { PricedCheckout } from './price-checkout-cart';

// The two items the checkout transaction Puts: the order exactly as priced, and the idempotency record that
// points the key at it. Pure, so what an order stores is read in one place (docs/checkout.md lists the fields).

export function buildOrderRecord(input: {
  request: CheckoutRequest;
  priced: PricedCheckout;
  hold: Hold;
  providerName: string;
  orderId: string;
  orderNumber: string;
  now: Date;
  /** Fraud screening's decision: `review` places the order ON_HOLD until operations decide, or the hold expires. */
  risk?: OrderRisk;
  holdTtlSeconds?: number;
}): OrderRecord {
  const { request, priced, hold, now, risk } = input;
  const { totals } = priced;
  const held = risk?.decision === 'review';
  return {
    userId: request.userId,
    orderId: input.orderId,
    number: input.orderNumber,
    ...(request.email ? { email: request.email } : {}),
    status: held ? 'ON_HOLD' : 'PLACED',
    statusShard: statusShardKey(held ? 'ON_HOLD' : 'PLACED', input.orderId),
    ...(risk ? { risk } : {}),
    // A held order's timeline starts ON_HOLD (the default timeline would say PLACED); it never names the reasons.
    ...(held
      ? {
          holdExpiresAt: new Date(now.getTime() + (input.holdTtlSeconds ?? 0) * 1000).toISOString(),
          timeline: [{ at: now.toISOString(), status: 'ON_HOLD' as const, by: 'shopper' as const, note: 'Order received; we are checking it' }],
        }
      : {}),
    createdAt: now.toISOString(),
    items: priced.cart.items.map((i) => ({
      productId: i.productId,
      variantId: i.variantId,
      slug: i.slug,
      name: i.name,
      options: i.options,
      image: i.image,
      unitPrice: i.unitPrice,
      quantity: i.quantity,
      lineTotal: i.lineTotal,
    })),
    subtotal: totals.subtotal,
    discount: totals.discount,
    discountCodes: totals.discounts.map((d) => d.code),
    discounts: totals.discounts,
    redemptions: priced.redemption.redemptions,
    shipping: totals.shipping,
    tax: totals.tax,
    total: totals.total,
    taxRateBasisPoints: totals.taxRateBasisPoints,
    shippingAddress: request.body.shippingAddress,
    shippingMethod: { id: request.method.id, label: request.method.label },
    payment: { brand: hold.brand, last4: hold.last4, provider: input.providerName, authorizationId: hold.authorizationId },
  };
}

export function buildIdempotencyRecord(request: CheckoutRequest, orderId: string, now: Date): IdempotencyRecord {
  return {
    key: request.recordKey,
    userId: request.userId,
    bodyHash: request.bodyHash,
    orderId,
    createdAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
  };
}
