import { describe, expect, it } from 'vitest';
import { money } from '../money';
import type { Order } from '../orders';
import { type OrderEmailEvent, orderEmailTemplate, renderEmail } from './order-email-templates';

const order: Order = {
  id: 'ord_0mx566sw71hQVwgxQ',
  status: 'SHIPPED',
  createdAt: '2026-12-01T10:00:00.000Z',
  email: 'ada@example.com',
  items: [
    { productId: 'p', variantId: 'v', slug: 'p', name: 'Trail <Pack>', options: {}, image: '', unitPrice: money(2_500), quantity: 2, lineTotal: money(5_000) },
  ],
  subtotal: money(5_000),
  discount: money(0),
  discountCodes: [],
  discounts: [],
  shipping: money(599),
  tax: money(413),
  total: money(6_012),
  shippingAddress: { name: 'Ada', line1: '1 Way', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' },
  shippingMethod: { id: 'standard', label: 'Standard' },
  payment: { brand: 'visa', last4: '4242', status: 'CAPTURED', authorized: money(6_012), captured: money(6_012), refunded: money(0) },
  fulfilment: { carrier: 'UPS Ground', trackingNumber: '1ZABC', shippedAt: '2026-12-01T10:00:10.000Z', deliveredAt: null, estimatedDelivery: '2026-12-08' },
  timeline: [],
  returnRequest: null,
};

describe('order email templates', () => {
  it('names the order id in every subject and renders the same facts as HTML (escaped) and text', () => {
    for (const event of ['confirmation', 'shipped', 'cancelled', 'return-received', 'refunded'] as OrderEmailEvent[]) {
      const mail = renderEmail(orderEmailTemplate(event, order));
      expect(mail.subject).toContain(order.id);
      expect(mail.html).not.toContain('<Pack>');
    }
    const shipped = renderEmail(orderEmailTemplate('shipped', order));
    expect(shipped.text).toContain('Tracking number: 1ZABC');
    expect(shipped.html).toContain('Tracking number: 1ZABC');
    expect(shipped.text).toContain('2 × Trail <Pack>: $50.00');
    expect(shipped.html).toContain('Trail &#60;Pack&#62;');
    expect(shipped.text).toContain('Total: $60.12');
  });
});

describe('the guest order link in emails', () => {
  it('ends the mail with the link, escaped in HTML and plain in text, and leaves it out without one', () => {
    const href = 'http://127.0.0.1:3000/orders/ord_1?access=a.b.c&x="y"';
    const withLink = renderEmail(orderEmailTemplate('confirmation', order, { orderLink: href }));
    expect(withLink.html).toContain(`<a href="http://127.0.0.1:3000/orders/ord_1?access=a.b.c&#38;x=&#34;y&#34;">View order ${order.id}</a>`);
    expect(withLink.text.endsWith(`View order ${order.id}: ${href}`)).toBe(true);
    expect(renderEmail(orderEmailTemplate('confirmation', order)).text).not.toContain('View order');
  });
});
