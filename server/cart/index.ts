import 'server-only';

// Public entry of the cart domain. Core functions take the owner explicitly; current-cart.ts is the Next layer
// that derives the owner from the session or the signed guest cookie.
export type { Cart } from './cart-types';
export { MAX_CART_LINES, addItemSchema, updateQuantitySchema, lineIdSchema } from './cart-limits';
export { getCart, getCartItemCount } from './read-cart';
export { addCartItem } from './add-cart-item';
export { updateCartItem, removeCartItem } from './update-cart-item';
export { mergeGuestCart } from './merge-guest-cart';
export { currentCartOwner, onSignIn } from './current-cart';
export { outOfStockError } from './out-of-stock';
export { cartKey } from './cart-key';
export { readStoredCart, clearStoredCartItem } from './cart-store';
export { priceCart } from './price-cart';
