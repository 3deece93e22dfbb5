import { Column, Img, Link, Row, Section, Text } from '@react-email/components';
import type { Order, RefundReason } from '../../orders';
import { formatMoney, type Money } from '../../platform/money';
import { BRAND } from './brand';
import { EmailLayout, Heading1, Paragraph, PrimaryButton } from './layout';
import { type RenderedEmail, renderEmail } from './render';
import { calendarDate, cardBrand, carrierTrackingUrl, longDate, optionsLabel, REFUND_WORDS } from './words';

// Every email about an order, one component each, on the shared layout: the subject names the human order number
// (API.md), each line shows its product image, options and price, and a "View your order" button leads to it (a
// guest's through their signed link).

export type OrderEmailEvent = 'confirmation' | 'shipped' | 'delivered' | 'cancelled' | 'return-received' | 'refunded' | 'refund';

export type OrderEmailInput = {
  order: Order;
  /** Absolute URL of the order page (the signed link for a guest). */
  orderUrl: string;
  /** The site's origin, for product images and the shop link. */
  siteOrigin: string;
  /** The refund an operations refund mail is about. */
  refund?: { amount: Money; reason: RefundReason };
};

const absolute = (origin: string, path: string) => (/^https?:\/\//.test(path) ? path : new URL(path, origin).toString());

function Lines({ order, siteOrigin, only }: { order: Order; siteOrigin: string; only?: { variantId: string; quantity: number }[] }) {
  const rows = only
    ? only.flatMap((o) => {
        const line = order.items.find((i) => i.variantId === o.variantId);
        return line ? [{ ...line, quantity: o.quantity, lineTotal: { ...line.unitPrice, amount: line.unitPrice.amount * o.quantity } }] : [];
      })
    : order.items;
  return (
    <Section style={{ margin: '12px 0' }}>
      {rows.map((line) => (
        <Row key={`${line.productId}#${line.variantId}`} style={{ borderBottom: `1px solid ${BRAND.rule}` }}>
          <Column style={{ width: 72, padding: '10px 0', verticalAlign: 'top' }}>
            <Img src={absolute(siteOrigin, line.image)} alt="" width="64" height="64" style={{ borderRadius: 6, display: 'block' }} />
          </Column>
          <Column style={{ padding: '10px 8px', verticalAlign: 'top' }}>
            <Text style={{ color: BRAND.ink, fontSize: 15, fontWeight: 600, lineHeight: '20px', margin: 0 }}>{line.name}</Text>
            {optionsLabel(line.options) ? (
              <Text style={{ color: BRAND.muted, fontSize: 13, lineHeight: '18px', margin: '2px 0 0' }}>{optionsLabel(line.options)}</Text>
            ) : null}
            <Text style={{ color: BRAND.muted, fontSize: 13, lineHeight: '18px', margin: '2px 0 0' }}>
              {line.quantity} × {formatMoney(line.unitPrice)}
              {!only && line.returnedQuantity > 0 ? ` · ${line.returnedQuantity} returned` : ''}
            </Text>
          </Column>
          <Column style={{ width: 90, padding: '10px 0', textAlign: 'right', verticalAlign: 'top' }}>
            <Text style={{ color: BRAND.ink, fontSize: 15, lineHeight: '20px', margin: 0 }}>{formatMoney(line.lineTotal)}</Text>
          </Column>
        </Row>
      ))}
    </Section>
  );
}

function Totals({ order }: { order: Order }) {
  const rows: [string, string, boolean?][] = [
    ['Subtotal', formatMoney(order.subtotal)],
    ...(order.discount.amount > 0 ? [['Discount', `−${formatMoney(order.discount)}`] as [string, string]] : []),
    ['Shipping', formatMoney(order.shipping)],
    ['Tax', formatMoney(order.tax)],
    ['Total', formatMoney(order.total), true],
    ...order.refunds.map((r) => [`Refunded (${REFUND_WORDS[r.reason].toLowerCase()})`, `−${formatMoney(r.amount)}`] as [string, string]),
  ];
  return (
    <Section>
      {rows.map(([label, value, strong]) => (
        <Row key={label}>
          <Column>
            <Text style={{ color: BRAND.ink, fontSize: 14, fontWeight: strong ? 700 : 400, lineHeight: '20px', margin: '2px 0' }}>{label}</Text>
          </Column>
          <Column style={{ textAlign: 'right' }}>
            <Text style={{ color: BRAND.ink, fontSize: 14, fontWeight: strong ? 700 : 400, lineHeight: '20px', margin: '2px 0' }}>{value}</Text>
          </Column>
        </Row>
      ))}
    </Section>
  );
}

function address(order: Order): string {
  const a = order.shippingAddress;
  return [a.name, a.line1, a.line2, `${a.city}, ${a.region} ${a.postalCode}`, a.country].filter(Boolean).join(', ');
}

function Body({ event, input }: { event: OrderEmailEvent; input: OrderEmailInput }) {
  const { order, orderUrl, siteOrigin } = input;
  const f = order.fulfilment;
  const ret = order.returnRequest;
  switch (event) {
    case 'confirmation':
      return (
        <>
          <Heading1>Thank you for your order</Heading1>
          <Paragraph>
            Order {order.number}, placed {longDate(order.createdAt)}. We will email you when it ships.
          </Paragraph>
          <Lines order={order} siteOrigin={siteOrigin} />
          <Totals order={order} />
          <Paragraph muted>Shipping to {address(order)}.</Paragraph>
        </>
      );
    case 'shipped':
      return (
        <>
          <Heading1>Your order is on its way</Heading1>
          {f ? (
            <Paragraph>
              {f.carrier} is bringing order {order.number}, expected by {calendarDate(f.estimatedDelivery)}. Tracking number{' '}
              <Link href={absolute(siteOrigin, carrierTrackingUrl(f.trackingNumber))} style={{ color: BRAND.green }}>
                {f.trackingNumber}
              </Link>
              .
            </Paragraph>
          ) : (
            <Paragraph>Order {order.number} has left the warehouse.</Paragraph>
          )}
          <Lines order={order} siteOrigin={siteOrigin} />
          <Totals order={order} />
        </>
      );
    case 'delivered':
      return (
        <>
          <Heading1>Your order was delivered</Heading1>
          <Paragraph>
            Order {order.number} arrived{f?.deliveredAt ? ` on ${longDate(f.deliveredAt)}` : ''}. Not right? You can return it within 30 days from your order
            page.
          </Paragraph>
          <Lines order={order} siteOrigin={siteOrigin} />
        </>
      );
    case 'cancelled':
      return (
        <>
          <Heading1>Your order was cancelled</Heading1>
          <Paragraph>Order {order.number} will not be shipped. The hold on your card is released; nothing was charged.</Paragraph>
          <Lines order={order} siteOrigin={siteOrigin} />
        </>
      );
    case 'return-received':
      return (
        <>
          <Heading1>Your return {ret?.number ?? ''}</Heading1>
          <Paragraph>
            We have your request to return these items from order {order.number}. Pack them, print the label from your order page, stick it on the parcel and
            drop it at any {f?.carrier.split(' from ')[0] ?? 'carrier'} location within 14 days.
          </Paragraph>
          <Lines order={order} siteOrigin={siteOrigin} only={ret?.lines} />
          <Paragraph muted>We refund the items to your card when they reach the warehouse, and email you then.</Paragraph>
        </>
      );
    case 'refunded': {
      const last = [...order.refunds].reverse().find((r) => r.reason === 'return');
      return (
        <>
          <Heading1>Your return arrived: refund on its way</Heading1>
          <Paragraph>
            We received return {ret?.number ?? ''} for order {order.number}
            {last ? ` and refunded ${formatMoney(last.amount)} to your ${cardBrand(order.payment.brand)} ending ${order.payment.last4}` : ''}. Banks take 3–5
            business days to show it.
          </Paragraph>
          <Lines order={order} siteOrigin={siteOrigin} only={ret?.lines} />
          <Totals order={order} />
        </>
      );
    }
    case 'refund': {
      const r = input.refund;
      return (
        <>
          <Heading1>We sent you a refund</Heading1>
          <Paragraph>
            {r ? `${formatMoney(r.amount)} (${REFUND_WORDS[r.reason].toLowerCase()})` : 'A refund'} for order {order.number} is on its way to your{' '}
            {cardBrand(order.payment.brand)} ending {order.payment.last4}. Banks take 3–5 business days to show it.
          </Paragraph>
          <Totals order={order} />
        </>
      );
    }
  }
  return <Paragraph>{orderUrl}</Paragraph>;
}

function subjectOf(event: OrderEmailEvent, order: Order): string {
  const n = order.number;
  switch (event) {
    case 'confirmation':
      return `Order ${n} confirmed`;
    case 'shipped':
      return `Order ${n} has shipped`;
    case 'delivered':
      return `Order ${n} was delivered`;
    case 'cancelled':
      return `Order ${n} cancelled`;
    case 'return-received':
      return `Return ${order.returnRequest?.number ?? ''} for order ${n}: how to send it back`.replace('Return  for', 'Return for');
    case 'refunded':
      return `Refund for order ${n}: your return arrived`;
    case 'refund':
      return `Refund for order ${n}`;
  }
}

export function OrderEmail({ event, input }: { event: OrderEmailEvent; input: OrderEmailInput }) {
  const subject = subjectOf(event, input.order);
  return (
    <EmailLayout preview={subject} shopUrl={input.siteOrigin}>
      <Body event={event} input={input} />
      <PrimaryButton href={input.orderUrl}>View your order</PrimaryButton>
      <Paragraph muted>Questions? Reply to this email and quote order {input.order.number}.</Paragraph>
    </EmailLayout>
  );
}

export function orderEmail(event: OrderEmailEvent, input: OrderEmailInput): Promise<RenderedEmail> {
  return renderEmail(subjectOf(event, input.order), <OrderEmail event={event} input={input} />);
}
