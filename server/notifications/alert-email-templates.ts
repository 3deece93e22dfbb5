import { type EmailTemplate, renderEmail } from './order-email-templates';
import type { RenderedEmail } from './send-email-once';

// Back-in-stock and price-drop mail. Every alert mail carries its unsubscribe link (the subscription has already
// ended when it is sent, so the link also stops any sibling alert the same address set up for the product).

export type AlertEmail =
  | { kind: 'restock'; productName: string; variantLabel: string; productUrl: string; unsubscribeUrl: string }
  | { kind: 'price-drop'; productName: string; oldPrice: string; newPrice: string; productUrl: string; unsubscribeUrl: string };

export function alertEmail(mail: AlertEmail): RenderedEmail {
  const template: EmailTemplate =
    mail.kind === 'restock'
      ? {
          subject: `Back in stock: ${mail.productName}`,
          blocks: [
            { kind: 'heading', text: `${mail.productName} is back in stock` },
            { kind: 'paragraph', text: `The option you asked about (${mail.variantLabel}) can be ordered again, while stock lasts.` },
            { kind: 'link', text: 'See the product', href: mail.productUrl },
            { kind: 'paragraph', text: 'You asked us to tell you once; this alert has now ended.' },
            { kind: 'link', text: 'Unsubscribe from alerts for this product', href: mail.unsubscribeUrl },
          ],
        }
      : {
          subject: `Price drop: ${mail.productName}`,
          blocks: [
            { kind: 'heading', text: `${mail.productName} now costs less` },
            { kind: 'paragraph', text: `From ${mail.oldPrice} to ${mail.newPrice}.` },
            { kind: 'link', text: 'See the product', href: mail.productUrl },
            { kind: 'paragraph', text: 'You asked us to tell you once; this alert has now ended.' },
            { kind: 'link', text: 'Unsubscribe from alerts for this product', href: mail.unsubscribeUrl },
          ],
        };
  return renderEmail(template);
}
