import type { Metadata } from 'next';
import Link from 'next/link';
import { FreeShippingNote } from '@/components/cart/free-shipping-note';
import { CheckoutForm } from '@/components/checkout/checkout-form';
import type { CountryOption, QuoteView } from '@/components/checkout/checkout-types';
import { CheckoutDiscounts } from '@/components/discounts/checkout-discounts';
import { listAddresses } from '@/server/account';
import { trackAnalytics } from '@/server/analytics';
import { currentCartOwner } from '@/server/cart';
import { COUNTRIES, COUNTRY_CODES, FREE_SHIPPING_THRESHOLD, quoteCheckout } from '@/server/checkout';
import { getSessionUser } from '@/server/identity';
import { currentMyStore } from '@/server/locations';
import { paymentFieldsOrigin } from '@/server/payments';
import { applyDiscountAction, removeDiscountAction } from '../cart/discount-actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Checkout', robots: { index: false } };

const countries: CountryOption[] = COUNTRY_CODES.map((code) => {
  const c = COUNTRIES[code];
  return { code, name: c.name, regionLabel: c.regionLabel, postalLabel: c.postalLabel, regions: c.regions ? Object.entries(c.regions) : null };
});

/** The shopper's chosen store (/stores, "Set as my store"), for the delivery estimate before an address is typed. */
async function nearStore() {
  const store = await currentMyStore();
  return store ? { name: store.name, place: `${store.address.city}, ${store.address.region} ${store.address.postalCode}` } : undefined;
}

export default async function CheckoutPage() {
  // A signed-in shopper's cart, or a guest's (its signed cookie): guests check out with an email, and are offered
  // signing in, never made to (docs/checkout.md "Guest checkout").
  const user = await getSessionUser();
  const owner = user ? { kind: 'user' as const, userId: user.id } : await currentCartOwner();
  const quote = owner ? await quoteCheckout(owner, { country: 'US', region: '', postalCode: '', shippingMethod: 'standard' }, user?.email) : null;
  if (!quote || quote.cart.items.length === 0) {
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
  trackAnalytics({ type: 'checkout-started', itemCount: quote.cart.items.length }, { userId: user?.id });
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
    discounts: quote.cart.discounts,
  };
  return (
    <>
      <h1>Checkout</h1>
      {quote.cart.items.some((i) => !i.available) ? (
        <p className="notice">
          Some items are not available in the quantity in your cart. <Link href="/cart">Update your cart</Link> before placing the order.
        </p>
      ) : null}
      {user ? null : (
        <p>
          Checking out as a guest. Have an account? <Link href={`/sign-in?${new URLSearchParams({ next: '/checkout' })}`}>Sign in</Link> to use it (your cart
          comes with you).
        </p>
      )}
      <FreeShippingNote subtotal={quote.cart.subtotal} threshold={FREE_SHIPPING_THRESHOLD} />
      <CheckoutDiscounts
        initial={{ discounts: quote.cart.discounts, discountIssue: quote.discountIssue }}
        actions={{ apply: applyDiscountAction, remove: removeDiscountAction }}
      />
      <CheckoutForm
        initialQuote={initialQuote}
        countries={countries}
        defaultName={user?.name ?? ''}
        guest={!user}
        processorUrl={paymentFieldsOrigin()}
        savedAddresses={user ? await listAddresses(user.id) : []}
        myStore={await nearStore()}
      />
    </>
  );
}
