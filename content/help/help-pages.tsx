import type { ReactNode } from 'react';
import { FREE_SHIPPING_THRESHOLD, SHIPPING_METHODS } from '@/server/checkout';
import { RETURN_WINDOW_DAYS } from '@/server/orders';
import { formatMoney } from '@/server/platform/money';

// The shop's help pages (footer: shipping, returns, contact, privacy, terms). The words live here, in the repo,
// reviewed like code; the numbers come from the rules checkout and orders enforce, so a page cannot promise a
// price or a return window the shop does not keep. Rendered by app/help/[topic]/page.tsx as shared, cached HTML.

export type HelpPage = { slug: string; title: string; summary: string; body: ReactNode };

const shipping: HelpPage = {
  slug: 'shipping',
  title: 'Shipping',
  summary: 'Delivery methods, prices and times.',
  body: (
    <>
      <p>Every order ships from our warehouse once it is placed. You choose the method at checkout and see its price before you pay.</p>
      <table>
        <caption className="visually-hidden">Shipping methods</caption>
        <thead>
          <tr>
            <th scope="col">Method</th>
            <th scope="col">Arrives in</th>
            <th scope="col">Price</th>
          </tr>
        </thead>
        <tbody>
          {SHIPPING_METHODS.map((m) => (
            <tr key={m.id}>
              <th scope="row">{m.label}</th>
              <td>{m.estimate}</td>
              <td>
                {formatMoney(m.price)}
                {m.freeFromThreshold ? `, free on orders of ${formatMoney(FREE_SHIPPING_THRESHOLD)} or more` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Each order page shows where your parcel is: placed, processing, shipped and delivered. Without an account, use{' '}
        <a href="/orders/lookup">Find an order</a> with your email and order number.
      </p>
    </>
  ),
};

const returns: HelpPage = {
  slug: 'returns',
  title: 'Returns and refunds',
  summary: `Return delivered items within ${RETURN_WINDOW_DAYS} days.`,
  body: (
    <>
      <p>
        Changed your mind? Return delivered items within {RETURN_WINDOW_DAYS} days of delivery, all of an order or only some units. Open the order and choose
        “Return items”: you get a return number and a printable label.
      </p>
      <p>Once the return reaches us, the refund goes back to the card you paid with, and the order page shows it.</p>
      <p>An order that has not shipped yet can be cancelled from its page instead; nothing is charged for a cancelled order.</p>
    </>
  ),
};

const contact: HelpPage = {
  slug: 'contact',
  title: 'Contact us',
  summary: 'How to reach a person.',
  body: (
    <>
      <p>
        The quickest answers about an order are on its page, or from the chat assistant (“where is my order”). For anything else, write to{' '}
        <a href="mailto:help@trailandtable.example">help@trailandtable.example</a> with your order number; we answer within one business day.
      </p>
      <p>This is a demo shop: nothing ships and that address receives no mail.</p>
    </>
  ),
};

const privacy: HelpPage = {
  slug: 'privacy',
  title: 'Privacy',
  summary: 'What we keep about you and how to delete it.',
  body: (
    <>
      <p>
        We keep what it takes to sell to you: your account’s name and email, saved addresses, your orders, your cart and wish list. Card numbers never reach the
        shop: the payment processor takes them and gives us a token.
      </p>
      <p>
        Analytics use a pseudonymous id and never your email, name or address, and only with your consent. Marketing email needs your consent too, and every
        message carries an unsubscribe link.
      </p>
      <p>
        Signed in, you can delete your account and its data under <a href="/account/privacy">Account → Privacy</a>. Deleting the account erases your addresses,
        wish list, cart and history; orders are kept for the books with your email and address removed.
      </p>
    </>
  ),
};

const terms: HelpPage = {
  slug: 'terms',
  title: 'Terms of sale',
  summary: 'The rules of buying here.',
  body: (
    <>
      <p>Prices are in US dollars and include the discounts shown; tax and shipping are added at checkout before you pay.</p>
      <p>
        An order is accepted when its confirmation page appears. We charge the total shown on the “Place order” button and nothing else; if the cart changed in
        the meantime, we ask you to look again and charge nothing.
      </p>
      <p>
        Returns follow our <a href="/help/returns">returns policy</a>. Trail &amp; Table is a demo storefront: no goods are sold and no card is charged.
      </p>
    </>
  ),
};

export const HELP_PAGES: readonly HelpPage[] = [shipping, returns, contact, privacy, terms];

export function findHelpPage(slug: string): HelpPage | undefined {
  return HELP_PAGES.find((p) => p.slug === slug);
}
