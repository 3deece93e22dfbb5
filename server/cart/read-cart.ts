import { getProductRecords } from '../catalog';
import { getConfig } from '../platform/config';
import { cartKey, publicCartId } from './cart-key';
import { cartOffer } from './cart-offer';
import { readStoredCart } from './cart-store';
import type { Cart, CartOwner } from './contract';
import { priceCart } from './price-cart';

/** The owner's cart, priced from strongly consistent catalog reads (never a cache: prices and stock move). */
/** `customerKey`, when given, also checks the entered code's per-customer limit (checkout always does). */
export async function getCart(owner: CartOwner, customerKey: string | null = null): Promise<Cart> {
  const key = cartKey(owner);
  const stored = await readStoredCart(key);
  const lines = stored?.lines ?? [];
  const [products, offer] = await Promise.all([
    lines.length > 0 ? getProductRecords(lines.map((l) => l.productId)) : Promise.resolve(new Map()),
    cartOffer(stored, customerKey),
  ]);
  return priceCart(publicCartId(key, getConfig().SESSION_SECRET), lines, products, offer);
}

/** Units in the cart without pricing it: the header badge needs only this, on every page. */
export async function getCartItemCount(owner: CartOwner): Promise<number> {
  const stored = await readStoredCart(cartKey(owner));
  return (stored?.lines ?? []).reduce((n, l) => n + l.quantity, 0);
}
