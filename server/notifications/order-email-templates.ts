import { formatMoney } from '../money';
import type { Order } from '../orders';

// One template per email, written once as blocks and rendered twice: HTML (escaped) and plain text. Every subject
// names the order id (API.md), so a shopper, a support agent and a test can each find the mail of an order.

export type OrderEmailEvent = 'confirmation' | 'shipped' | 'cancelled' | 'return-received' | 'refunded';

type Block = { kind: 'heading' | 'paragraph'; text: string } | { kind: 'lines'; rows: [string, string][] } | { kind: 'link'; text: string; href: string };
/** Also the shape of alert mail (alert-email-templates.ts): one renderer for every email. */
export type EmailTemplate = { subject: string; blocks: Block[] };
type Template = EmailTemplate;

function lines(order: Order): Block {
  return {
    kind: 'lines',
    rows: [
      ...order.items.map((i): [string, string] => [`${i.quantity} × ${i.name}`, formatMoney(i.lineTotal)]),
      ['Subtotal', formatMoney(order.subtotal)],
      ...(order.discount.amount > 0 ? [['Discount', `−${formatMoney(order.discount)}`] as [string, string]] : []),
      ['Shipping', formatMoney(order.shipping)],
      ['Tax', formatMoney(order.tax)],
      ['Total', formatMoney(order.total)],
    ],
  };
}

function address(order: Order): string {
  const a = order.shippingAddress;
  return [a.name, a.line1, a.line2, `${a.city}, ${a.region} ${a.postalCode}`, a.country].filter(Boolean).join(', ');
}

/** Every template, with a guest's signed order link added at the end when there is one. */
export function orderEmailTemplate(event: OrderEmailEvent, order: Order, options: { orderLink?: string } = {}): Template {
  const template = baseTemplate(event, order);
  if (!options.orderLink) return template;
  return { ...template, blocks: [...template.blocks, { kind: 'link', text: `View order ${order.id}`, href: options.orderLink }] };
}

function baseTemplate(event: OrderEmailEvent, order: Order): Template {
  const id = order.id;
  switch (event) {
    case 'confirmation':
      return {
        subject: `Order ${id} confirmed`,
        blocks: [{ kind: 'heading', text: 'Thank you for your order' }, lines(order), { kind: 'paragraph', text: `Shipping to ${address(order)}.` }],
      };
    case 'shipped': {
      const f = order.fulfilment;
      return {
        subject: `Order ${id} has shipped`,
        blocks: [
          { kind: 'heading', text: 'Your order is on its way' },
          {
            kind: 'paragraph',
            text: f ? `Carrier: ${f.carrier}. Tracking number: ${f.trackingNumber}. Estimated delivery: ${f.estimatedDelivery}.` : 'It has left the warehouse.',
          },
          lines(order),
        ],
      };
    }
    case 'cancelled':
      return {
        subject: `Order ${id} cancelled`,
        blocks: [
          { kind: 'heading', text: 'Your order was cancelled' },
          { kind: 'paragraph', text: 'The hold on your card has been released; nothing was charged.' },
          lines(order),
        ],
      };
    case 'return-received':
      return {
        subject: `Return for order ${id} requested`,
        blocks: [
          { kind: 'heading', text: 'We have your return request' },
          { kind: 'paragraph', text: 'Send the items back; we refund them when they arrive.' },
        ],
      };
    case 'refunded':
      return {
        subject: `Order ${id} refunded`,
        blocks: [
          { kind: 'heading', text: 'Your refund is on its way' },
          { kind: 'paragraph', text: `We refunded ${formatMoney(order.payment.refunded)} to your ${order.payment.brand} ending ${order.payment.last4}.` },
        ],
      };
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderEmail(t: Template): { subject: string; html: string; text: string } {
  const html = t.blocks
    .map((b) => {
      if (b.kind === 'lines')
        return `<table>${b.rows.map(([l, r]) => `<tr><td>${escapeHtml(l)}</td><td style="text-align:right">${escapeHtml(r)}</td></tr>`).join('')}</table>`;
      if (b.kind === 'link') return `<p><a href="${escapeHtml(b.href)}">${escapeHtml(b.text)}</a></p>`;
      return b.kind === 'heading' ? `<h1>${escapeHtml(b.text)}</h1>` : `<p>${escapeHtml(b.text)}</p>`;
    })
    .join('\n');
  const text = t.blocks
    .map((b) => (b.kind === 'lines' ? b.rows.map(([l, r]) => `${l}: ${r}`).join('\n') : b.kind === 'link' ? `${b.text}: ${b.href}` : b.text))
    .join('\n\n');
  return { subject: t.subject, html: `<!doctype html><html><body>${html}</body></html>`, text };
}
