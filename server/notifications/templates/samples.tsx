import type { ReactElement } from 'react';
import type { Order } from '../../orders/contract';
import { money } from '../../platform/money';
import { CampaignEmail } from './campaign-email';
import { MessageEmail } from './message-email';
import { OrderEmail, type OrderEmailEvent } from './order-emails';

// Every template with sample data: what `npm run emails:render` draws into docs/emails, and what the template tests
// read. The origin is the local site's; the render script serves product images for the screenshots itself.

export const SAMPLE_ORIGIN = 'http://localhost:3000/';

const base: Order = {
  id: 'ord_0mx566sw71hQVwgxQ',
  number: 'TT-4KQ7PX',
  status: 'PLACED',
  createdAt: '2026-12-01T18:04:00.000Z',
  email: 'ada@example.com',
  items: [
    {
      productId: 'p-1a2b3c4d5e6f7a8b',
      variantId: 'v-1',
      slug: 'summit-daypack-22l',
      name: 'Summit Daypack 22L',
      options: { colour: 'Forest', size: 'M' },
      image: '/images/products/backpacks.p-1a2b3c4d5e6f7a8b.1.png',
      unitPrice: money(8_900),
      quantity: 1,
      lineTotal: money(8_900),
      returnedQuantity: 0,
    },
    {
      productId: 'p-9f8e7d6c5b4a3f2e',
      variantId: 'v-2',
      slug: 'merino-trail-socks',
      name: 'Merino Trail Socks',
      options: { size: 'L' },
      image: '/images/products/apparel.p-9f8e7d6c5b4a3f2e.1.png',
      unitPrice: money(1_800),
      quantity: 2,
      lineTotal: money(3_600),
      returnedQuantity: 0,
    },
  ],
  subtotal: money(12_500),
  discount: money(0),
  discountCodes: [],
  discounts: [],
  shipping: money(599),
  tax: money(1_031),
  total: money(14_130),
  shippingAddress: { name: 'Ada Lovelace', line1: '1 Market St', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' },
  shippingMethod: { id: 'standard', label: 'Standard' },
  payment: { brand: 'visa', last4: '4242', status: 'AUTHORIZED', authorized: money(14_130), captured: money(0), refunded: money(0) },
  fulfilment: null,
  timeline: [],
  returnRequest: null,
  refunds: [],
};

const shipped: Order = {
  ...base,
  status: 'SHIPPED',
  payment: { ...base.payment, status: 'CAPTURED', captured: money(14_130) },
  fulfilment: {
    carrier: 'UPS Ground from Oakland',
    trackingNumber: '1Z9A8B7C6D5E4F3A2B',
    shippedAt: '2026-12-02T09:00:00.000Z',
    deliveredAt: null,
    estimatedDelivery: '2026-12-10',
  },
};
const delivered: Order = { ...shipped, status: 'DELIVERED', fulfilment: { ...shipped.fulfilment!, deliveredAt: '2026-12-04T15:30:00.000Z' } };
const returnRequest = {
  lines: [{ variantId: 'v-2', productId: 'p-9f8e7d6c5b4a3f2e', quantity: 1 }],
  reason: 'Too small',
  requestedAt: '2026-12-05T10:00:00.000Z',
  number: 'TT-4KQ7PX-R1',
  sequence: 1,
};
const partlyReturned: Order = {
  ...delivered,
  status: 'PARTIALLY_RETURNED',
  items: delivered.items.map((i) => (i.variantId === 'v-2' ? { ...i, returnedQuantity: 1 } : i)),
  returnRequest,
  payment: { ...delivered.payment, status: 'PARTIALLY_REFUNDED', refunded: money(1_956) },
  refunds: [{ at: '2026-12-06T11:00:00.000Z', amount: money(1_956), reason: 'return' }],
};
const goodwill = { at: '2026-12-06T12:00:00.000Z', amount: money(2_000), reason: 'goodwill' as const };

const orderSamples: [OrderEmailEvent, Order][] = [
  ['confirmation', base],
  ['shipped', shipped],
  ['delivered', delivered],
  ['cancelled', { ...base, status: 'CANCELLED', payment: { ...base.payment, status: 'VOIDED' } }],
  ['return-received', { ...delivered, status: 'RETURN_REQUESTED', returnRequest }],
  ['refunded', partlyReturned],
  ['refund', { ...delivered, payment: { ...delivered.payment, status: 'PARTIALLY_REFUNDED', refunded: money(2_000) }, refunds: [goodwill] }],
];

export type EmailSample = { name: string; subject: string; element: ReactElement };

const orderUrl = `${SAMPLE_ORIGIN}orders/${base.id}`;

export function emailSamples(): EmailSample[] {
  const orders = orderSamples.map(([event, order]): EmailSample => {
    const input = { order, orderUrl, siteOrigin: SAMPLE_ORIGIN, ...(event === 'refund' ? { refund: goodwill } : {}) };
    return { name: `order-${event}`, subject: '', element: <OrderEmail event={event} input={input} /> };
  });
  const message = (name: string, input: Omit<Parameters<typeof MessageEmail>[0]['input'], 'siteOrigin'>): EmailSample => ({
    name,
    subject: input.subject,
    element: <MessageEmail input={{ ...input, siteOrigin: SAMPLE_ORIGIN }} />,
  });
  return [
    ...orders,
    message('account-welcome', {
      subject: 'Welcome to the shop',
      heading: 'Your account is ready',
      paragraphs: ['Hello Ada, you can now save addresses, follow your orders and check out faster.'],
      button: { text: 'Start shopping', href: SAMPLE_ORIGIN },
    }),
    message('alert-restock', {
      subject: 'Back in stock: Summit Daypack 22L',
      heading: 'Summit Daypack 22L is back in stock',
      paragraphs: [
        'The option you asked about (Forest, M) can be ordered again, while stock lasts.',
        'You asked us to tell you once; this alert has now ended.',
      ],
      button: { text: 'See the product', href: `${SAMPLE_ORIGIN}p/summit-daypack-22l` },
      footerLinks: [{ text: 'Unsubscribe from alerts for this product', href: `${SAMPLE_ORIGIN}alerts/unsubscribe?t=sample` }],
    }),
    {
      name: 'campaign',
      subject: 'New season daypacks',
      element: (
        <CampaignEmail
          input={{
            subject: 'New season daypacks',
            greeting: 'Hello Ada,',
            message: 'Our lightest daypacks are back for winter walks.\n\nFree shipping on orders over $50 this week.',
            promotionCode: 'WELCOME10',
            shopUrl: `${SAMPLE_ORIGIN}c/backpacks`,
            picks: base.items.map((i) => ({
              name: i.name,
              url: `${SAMPLE_ORIGIN}p/${i.slug}`,
              image: `${SAMPLE_ORIGIN}${i.image.slice(1)}`,
              price: i.unitPrice,
            })),
            unsubscribeUrl: `${SAMPLE_ORIGIN}unsubscribe?t=sample`,
            siteOrigin: SAMPLE_ORIGIN,
          }}
        />
      ),
    },
  ];
}

/** The sample orders by event, for tests that render one template. */
export const SAMPLE_ORDERS = Object.fromEntries(orderSamples) as Record<OrderEmailEvent, Order>;
export const SAMPLE_GOODWILL_REFUND = goodwill;
