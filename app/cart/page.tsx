import type { Metadata } from 'next';
import { CartView } from '@/components/cart/cart-view';
import { FreeShippingBanner } from '@/components/flags/free-shipping-banner';
import { type Cart, currentCartOwner, emptyCart, getCart } from '@/server/cart';
import { FREE_SHIPPING_THRESHOLD } from '@/server/checkout';
import { isEnabled } from '@/server/flags';
import { applyDiscountAction, removeDiscountAction } from './discount-actions';

// Read live on every request (cookies make it dynamic anyway): a cart is never cached, and changing it never
// touches the catalog's shared cache tags.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Your cart', robots: { index: false } };

export default async function CartPage() {
  // A page cannot set cookies, so a visitor without one simply has an empty cart until the first add.
  const owner = await currentCartOwner();
  const cart: Cart = owner ? await getCart(owner) : emptyCart();
  // The shipping rule holds either way (checkout prices it); the flag decides whether the cart advertises it.
  const advertiseFreeShipping = await isEnabled('free-shipping-banner');
  return (
    <>
      <h1>Your cart</h1>
      <FreeShippingBanner threshold={FREE_SHIPPING_THRESHOLD} />
      <CartView
        initial={cart}
        freeShippingThreshold={advertiseFreeShipping ? FREE_SHIPPING_THRESHOLD : null}
        discountActions={{ apply: applyDiscountAction, remove: removeDiscountAction }}
      />
    </>
  );
}
