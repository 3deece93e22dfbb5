import 'server-only';
import { currentCartOwner, getCartItemCount } from '../cart';
import { type EvaluatedFlags, getFlags } from '../flags';
import { getSessionUser, hasRole, isOperations, MARKETERS_GROUP } from '../identity';
import { logger } from '../platform/observability';

// What the islands of a cached catalog page need to know about the shopper looking at it (server/platform/http/catalog-pages.ts):
// the header's name and cart count, and the display flags evaluated for them. One small no-store read per page view
// instead of a per-shopper render of the whole page.

export type ShopperSummary = {
  /** `staff`: a marketer or operations clerk, for the header's "Back office" link (each /admin page checks again). */
  user: { name: string; staff: boolean } | null;
  cartCount: number;
  flags: EvaluatedFlags;
};

async function cartCount(): Promise<number> {
  try {
    const owner = await currentCartOwner();
    return owner ? await getCartItemCount(owner) : 0;
  } catch (err) {
    // The header must render even when the cart cannot be read; the badge is just left off.
    logger.warn('shopper summary: cart count unavailable', { err: String(err) });
    return 0;
  }
}

export async function shopperSummary(): Promise<ShopperSummary> {
  const [user, count, flags] = await Promise.all([getSessionUser(), cartCount(), getFlags()]);
  return { user: user ? { name: user.name, staff: hasRole(user, MARKETERS_GROUP) || isOperations(user) } : null, cartCount: count, flags };
}
