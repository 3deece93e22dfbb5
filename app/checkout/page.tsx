import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { FreeShippingNote } from '@/components/cart/free-shipping-note';
import { CheckoutForm } from '@/components/checkout/checkout-form';
import type { CountryOption, QuoteView } from '@/components/checkout/checkout-types';
import { listAddresses } from '@/server/account';
import { COUNTRIES, COUNTRY_CODES, FREE_SHIPPING_THRESHOLD, quoteCheckout } from '@/server/checkout';
import { getSessionUser } from '@/server/identity';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Checkout', robots: { index: false } };

const countries: CountryOption[] = COUNTRY_CODES.map((code) => {
  const c = COUNTRIES[code];
  return { code, name: c.name, regionLabel: c.regionLabel, postalLabel: c.postalLabel, regions: c.regions ? Object.entries(c.regions) : null };
});

export default async function CheckoutPage() {
  // Middleware redirects visitors without a session; this check stands on its own (ADR 0004).
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?${new URLSearchParams({ next: '/checkout' })}`);

  const quote = await quoteCheckout(user.id, { country: 'US', region: '', postalCode: '', shippingMethod: 'standard' });
  if (quote.cart.items.length === 0) {
    return (
      <>
        <h1>Checkout</h1>
        <p>Your cart is empty.</p>
        <Link className="button" href="/">
          Continue shopping
        </Link>
      </>
    );
  }
  const initialQuote: QuoteView = {
    lines: quote.cart.items.map((i) => ({
      lineId: i.lineId,
      name: i.name,
      options: i.options,
      quantity: i.quantity,
      lineTotal: i.lineTotal,
      available: i.available,
    })),
    subtotal: quote.cart.subtotal,
    shippingOptions: quote.shippingOptions,
    totals: quote.totals,
  };
  return (
    <>
      <h1>Checkout</h1>
      {quote.cart.items.some((i) => !i.available) ? (
        <p className="notice">
          Some items are not available in the quantity in your cart. <Link href="/cart">Update your cart</Link> before placing the order.
        </p>
      ) : null}
      <FreeShippingNote subtotal={quote.cart.subtotal} threshold={FREE_SHIPPING_THRESHOLD} />
      <CheckoutForm initialQuote={initialQuote} countries={countries} defaultName={user.name} savedAddresses={await listAddresses(user.id)} />
    </>
  );
}
