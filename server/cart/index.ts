import 'server-only';

export { addCartItem } from './add-cart-item';
export { applyDiscountCode } from './cart-discount-code';
export { cartKey } from './cart-key';
export { addItemSchema, lineIdSchema, MAX_CART_LINES, updateQuantitySchema } from './cart-limits';
export { clearStoredCartItem, readStoredCart } from './cart-store';
// Public entry of the cart domain. Core functions take the owner explicitly; current-cart.ts is the Next layer
// that derives the owner from the session or the signed guest cookie.
export type { Cart } from './contract';
export { applyDiscountToCurrentCart, currentCartOwner, onSignIn, removeDiscountFromCurrentCart } from './current-cart';
// Account deletion (server/account).
export { eraseCartOf } from './erase-cart';
export { mergeGuestCart } from './merge-guest-cart';
export { outOfStockError } from './out-of-stock';
export { emptyCart, priceCart } from './price-cart';
export { getCart, getCartItemCount } from './read-cart';
export { removeCartItem, updateCartItem } from './update-cart-item';
