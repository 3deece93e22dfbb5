import { currentCartOwner, getCartItemCount } from '@/server/cart';
import { CartCount } from './cart-count';

/** Server part of the header's Cart link: the count from the stored cart (one GetItem, no pricing). */
export async function CartLink() {
  let count = 0;
  try {
    const owner = await currentCartOwner();
    if (owner) count = await getCartItemCount(owner);
  } catch (err) {
    // The header must render even when the cart cannot be read; the badge is just left off.
    console.warn(JSON.stringify({ level: 'warn', msg: 'cart count unavailable', err: String(err) }));
  }
  return <CartCount initialCount={count} />;
}
