import { cookies } from 'next/headers';
import { getSessionUser } from '../identity';
import { getConfig } from '../platform/config';
import { logger } from '../platform/observability';
import type { WishlistOwner } from './contract';
import { mergeGuestWishlist } from './wishlist';
import { newGuestWishlistId, signGuestWishlistId, verifyGuestWishlistCookie, WISHLIST_COOKIE, wishlistCookieOptions } from './wishlist-cookie';

// The thin Next layer: whose list the current request may touch (the session, else the signed guest cookie).

export async function currentWishlistOwner(options: { create: true }): Promise<WishlistOwner>;
export async function currentWishlistOwner(options?: { create?: false }): Promise<WishlistOwner | null>;
export async function currentWishlistOwner(options: { create?: boolean } = {}): Promise<WishlistOwner | null> {
  const user = await getSessionUser();
  if (user) return { kind: 'user', userId: user.id };
  const jar = await cookies();
  const { SESSION_SECRET, SITE_URL } = getConfig();
  const guestId = verifyGuestWishlistCookie(jar.get(WISHLIST_COOKIE)?.value, SESSION_SECRET);
  if (guestId) return { kind: 'guest', guestId };
  if (!options.create) return null;
  const fresh = newGuestWishlistId();
  jar.set(WISHLIST_COOKIE, signGuestWishlistId(fresh, SESSION_SECRET), wishlistCookieOptions(SITE_URL));
  return { kind: 'guest', guestId: fresh };
}

/**
 * Called by the sign-in route next to the cart merge: the guest list joins the user's and the cookie is cleared.
 * Never throws: a wishlist problem must not block signing in; an unmerged list keeps its cookie for next time.
 */
export async function mergeWishlistOnSignIn(userId: string): Promise<void> {
  try {
    const jar = await cookies();
    const raw = jar.get(WISHLIST_COOKIE)?.value;
    const guestId = verifyGuestWishlistCookie(raw, getConfig().SESSION_SECRET);
    if (guestId) await mergeGuestWishlist(guestId, userId);
    if (raw !== undefined) jar.delete(WISHLIST_COOKIE);
  } catch (err) {
    logger.warn('guest wishlist merge skipped at sign-in', { err: String(err) });
  }
}
