import { siteUrl } from '../platform/site';
import type { RenderedEmail } from './send-email-once';
import { messageEmail } from './templates/message-email';

// Back-in-stock and price-drop mail. Every alert mail carries its unsubscribe link (the subscription has already
// ended when it is sent, so the link also stops any sibling alert the same address set up for the product).

export type AlertEmail =
  | { kind: 'restock'; productName: string; variantLabel: string; productUrl: string; unsubscribeUrl: string }
  | { kind: 'price-drop'; productName: string; oldPrice: string; newPrice: string; productUrl: string; unsubscribeUrl: string }
  | { kind: 'confirm-restock'; productName: string; variantLabel: string; confirmUrl: string };

export function alertEmail(mail: AlertEmail): Promise<RenderedEmail> {
  // A guest typed this address: until its owner confirms, the mail asks, names nothing the guest chose but the
  // product, and sends nothing more (issue 30 M8).
  if (mail.kind === 'confirm-restock') {
    return messageEmail({
      subject: `Confirm your alert: ${mail.productName}`,
      heading: 'Confirm your back-in-stock alert',
      paragraphs: [
        `Someone asked us to email this address when ${mail.productName} (${mail.variantLabel}) is back in stock.`,
        'If that was not you, ignore this email: without a confirmation we send nothing.',
      ],
      button: { text: 'Yes, email me when it is back', href: mail.confirmUrl },
      siteOrigin: siteUrl('/'),
    });
  }
  const common = {
    button: { text: 'See the product', href: mail.productUrl },
    footerLinks: [{ text: 'Unsubscribe from alerts for this product', href: mail.unsubscribeUrl }],
    siteOrigin: siteUrl('/'),
  };
  return mail.kind === 'restock'
    ? messageEmail({
        ...common,
        subject: `Back in stock: ${mail.productName}`,
        heading: `${mail.productName} is back in stock`,
        paragraphs: [
          `The option you asked about (${mail.variantLabel}) can be ordered again, while stock lasts.`,
          'You asked us to tell you once; this alert has now ended.',
        ],
      })
    : messageEmail({
        ...common,
        subject: `Price drop: ${mail.productName}`,
        heading: `${mail.productName} now costs less`,
        paragraphs: [`From ${mail.oldPrice} to ${mail.newPrice}.`, 'You asked us to tell you once; this alert has now ended.'],
      });
}
