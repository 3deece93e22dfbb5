import { describe, expect, it } from 'vitest';
import type { Order } from '../../orders/contract';
import { orderEmail } from './order-emails';
import { SAMPLE_GOODWILL_REFUND, SAMPLE_ORDERS } from './samples';

const input = (order: Order) => ({ order, orderUrl: 'http://localhost:3000/orders/ord_1?access=a.b&c="d"', siteOrigin: 'http://localhost:3000/' });

describe('order emails', () => {
  it('name the order number (never the id) in every subject, and carry a plain-text part', async () => {
    for (const [event, order] of Object.entries(SAMPLE_ORDERS)) {
      const mail = await orderEmail(event as keyof typeof SAMPLE_ORDERS, { ...input(order), refund: SAMPLE_GOODWILL_REFUND });
      expect(mail.subject).toContain('TT-4KQ7PX');
      expect(mail.subject).not.toContain(order.id);
      expect(mail.text).toContain('TT-4KQ7PX');
      expect(mail.text).not.toContain('<');
      expect(mail.html).toContain('Trail &amp; Table');
    }
  });

  it('show each line with its absolute product image, options and price, and a "View your order" link (escaped)', async () => {
    const mail = await orderEmail('confirmation', input(SAMPLE_ORDERS.confirmation));
    expect(mail.html).toContain('src="http://localhost:3000/images/products/backpacks.p-1a2b3c4d5e6f7a8b.1.png"');
    expect(mail.html).toContain('Colour: Forest · Size: M');
    expect(mail.html).toContain('$89.00');
    expect(mail.html).toContain('href="http://localhost:3000/orders/ord_1?access=a.b&amp;c=&quot;d&quot;"');
    expect(mail.html).toMatch(/View your order/);
    expect(mail.text).toMatch(/View your order.*http:\/\/localhost:3000\/orders\/ord_1/);
    expect(mail.text).toContain('Total');
    expect(mail.text).toContain('$141.30');
  });

  it('escape what shoppers and the catalog wrote', async () => {
    const order = { ...SAMPLE_ORDERS.confirmation, items: [{ ...SAMPLE_ORDERS.confirmation.items[0]!, name: 'Trail <Pack>' }] };
    const mail = await orderEmail('confirmation', input(order));
    expect(mail.html).not.toContain('<Pack>');
    expect(mail.html).toContain('Trail &lt;Pack&gt;');
  });

  it('say the refund in shopper words: the amount in dollars and the reason category, the word "refund" in the subject', async () => {
    const mail = await orderEmail('refund', { ...input(SAMPLE_ORDERS.refund), refund: SAMPLE_GOODWILL_REFUND });
    expect(mail.subject).toBe('Refund for order TT-4KQ7PX');
    expect(mail.text).toContain('$20.00 (goodwill refund)');
    expect(mail.text).not.toMatch(/minor units|2000/);
  });

  it('tell the estimate as a date in words and link the tracking number to the carrier page', async () => {
    const mail = await orderEmail('shipped', input(SAMPLE_ORDERS.shipped));
    expect(mail.text).toContain('Thursday, December 10');
    expect(mail.text).not.toContain('2026-12-10');
    expect(mail.html).toContain('href="http://localhost:3000/carrier/track/1Z9A8B7C6D5E4F3A2B"');
  });

  it('give the return its number and say how to send it back', async () => {
    const mail = await orderEmail('return-received', input(SAMPLE_ORDERS['return-received']));
    expect(mail.subject).toBe('Return TT-4KQ7PX-R1 for order TT-4KQ7PX: how to send it back');
    expect(mail.text).toMatch(/print the label/);
    expect(mail.text).toContain('Merino Trail Socks');
    expect(mail.text).not.toContain('Summit Daypack');
  });
});

describe('rendering where mail is sent from', () => {
  it('renders under the react-server condition (route handlers and server actions), where react-dom/server refuses to load', async () => {
    const { execFile } = await import('node:child_process');
    const { fileURLToPath } = await import('node:url');
    const here = fileURLToPath(new URL('.', import.meta.url));
    const script = [
      `const { orderEmail } = await import(${JSON.stringify(`${here}order-emails.tsx`)});`,
      `const { SAMPLE_ORDERS } = await import(${JSON.stringify(`${here}samples.tsx`)});`,
      `const mail = await orderEmail('confirmation', { order: SAMPLE_ORDERS.confirmation, orderUrl: 'http://x/orders/1', siteOrigin: 'http://x/' });`,
      'process.stdout.write(JSON.stringify(mail));',
    ].join('\n');
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ['--conditions=react-server', '--import', 'tsx', '--input-type=module', '-e', script],
        { timeout: 110_000 },
        (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)),
      ),
    );
    const mail = JSON.parse(out) as { subject: string; html: string; text: string };
    expect(mail.subject).toBe('Order TT-4KQ7PX confirmed');
    expect(mail.html).toContain('src="http://x/images/products/backpacks.p-1a2b3c4d5e6f7a8b.1.png"');
    expect(mail.text).toContain('View your order http://x/orders/1');
  }, 120_000);
});
