import { cookies } from 'next/headers';
import { getSessionUser } from '../identity';
import { getConfig } from '../platform/config';
import { logger } from '../platform/observability';
import { customerKeyOf } from '../promotions';
import { CART_COOKIE, cartCookieOptions, newGuestCartId, signGuestCartId, verifyGuestCartCookie } from './cart-cookie';
import { applyDiscountCode, removeDiscountCode } from './cart-discount-code';
import type { Cart, CartOwner } from './contract';
import { mergeGuestCart } from './merge-guest-cart';

// The thin Next layer: which cart the current request may touch. Everything below it takes the owner as an
// argument, so tests and other callers never depend on cookies.

/**
 * The signed-in user's cart, else the guest cart named by a valid signed cookie. With `create`, a guest without
 * a (valid) cookie gets a fresh id and cookie — only possible where cookies can be set (route handlers, actions).
 */
export async function currentCartOwner(options: { create: true }): Promise<CartOwner>;
export async function currentCartOwner(options?: { create?: false }): Promise<CartOwner | null>;
export async function currentCartOwner(options: { create?: boolean } = {}): Promise<CartOwner | null> {
  const user = await getSessionUser();
  if (user) return { kind: 'user', userId: user.id };
  const jar = await cookies();
  const { SESSION_SECRET, SITE_URL } = getConfig();
  const guestId = verifyGuestCartCookie(jar.get(CART_COOKIE)?.value, SESSION_SECRET);
  if (guestId) return { kind: 'guest', guestId };
  if (!options.create) return null;
  // A missing or tampered cookie starts a new cart; the old value is simply overwritten.
  const fresh = newGuestCartId();
  jar.set(CART_COOKIE, signGuestCartId(fresh, SESSION_SECRET), cartCookieOptions(SITE_URL));
  return { kind: 'guest', guestId: fresh };
}

/** Whom a per-customer discount limit counts for this request: the signed-in shopper, else nobody yet (checkout). */
export async function currentCustomerKey(): Promise<string | null> {
  const user = await getSessionUser();
  return user ? customerKeyOf({ email: user.email, userId: user.id }) : null;
}

/**
 * Called by the sign-in route once the user is verified: merges the guest cart into the user's (quantities
 * added, capped by stock and the per-line maximum), deletes the guest cart and clears the cookie.
 * Never throws: a cart problem must not block signing in; an unmerged guest cart keeps its cookie for next time.
 */
export async function onSignIn(userId: string): Promise<void> {
  const jar = await cookies();
  const guestId = verifyGuestCartCookie(jar.get(CART_COOKIE)?.value, getConfig().SESSION_SECRET);
  if (!guestId) {
    if (jar.get(CART_COOKIE)) jar.delete(CART_COOKIE);
    return;
  }
  try {
    if (await mergeGuestCart(guestId, userId)) jar.delete(CART_COOKIE);
  } catch (err) {
    logger.error('guest cart merge failed', { err: String(err) });
  }
}

/** The code entered on this request's cart (POST /api/cart/discount and the cart form's action). */
export async function applyDiscountToCurrentCart(code: string): Promise<Cart> {
  return applyDiscountCode(await currentCartOwner({ create: true }), code, await currentCustomerKey());
}

/** The code removed from this request's cart; without a cart there is nothing to remove. */
export async function removeDiscountFromCurrentCart(code: string): Promise<Cart | null> {
  const owner = await currentCartOwner();
  return owner ? removeDiscountCode(owner, code) : null;
}
