import 'server-only';
import { currentCartOwner, getCartItemCount } from '../cart';
import { type EvaluatedFlags, getFlags } from '../flags';
import { getSessionUser, hasRole, isOperations, MARKETERS_GROUP, type SessionUser } from '../identity';
import { currentInteractionActor, recentlyViewed } from '../interactions';
import { logger } from '../platform/observability';
import { recommendForProduct, recommendForUser } from '../recommendations';
import { currentWishlistOwner, wishlistProductIds } from '../wishlist';
import type { ShopperPart, ShopperQuery, ShopperSummary } from './contract';

// What the islands of a cached catalog page need to know about the shopper looking at it (server/platform/http/catalog-pages.ts),
// in one no-store read per page view (ADR 0028): the header's name and cart count, the display flags evaluated for
// them, and whichever optional parts the page's islands asked for. Every part is read through its own domain's entry
// (the same functions GET /api/wishlist, /api/recently-viewed and /api/recommendations call), in parallel, and each
// fails soft: a part that cannot be read is left out and logged, and the rest of the page still gets its answer.

const log = logger.child({ component: 'shopper-summary' });

async function soft<T>(part: string, read: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await read();
  } catch (err) {
    log.warn('shopper summary: part unavailable', { part, err: String(err) });
    return fallback;
  }
}

async function cartCount(): Promise<number> {
  // The header must render even when the cart cannot be read; the badge is just left off.
  return soft(
    'cartCount',
    async () => {
      const owner = await currentCartOwner();
      return owner ? getCartItemCount(owner) : 0;
    },
    0,
  );
}

function readPart(part: ShopperPart, query: ShopperQuery, base: Promise<[SessionUser | null, number, EvaluatedFlags]>): Promise<Partial<ShopperSummary>> {
  switch (part) {
    case 'wishlist':
      return soft<Partial<ShopperSummary>>(
        'wishlist',
        async () => {
          const owner = await currentWishlistOwner();
          return { wishlistProductIds: owner ? await wishlistProductIds(owner) : [] };
        },
        {},
      );
    case 'recentlyViewed':
      return soft<Partial<ShopperSummary>>(
        'recentlyViewed',
        async () => {
          const actor = await currentInteractionActor();
          return { recentlyViewed: actor ? await recentlyViewed(actor, { exclude: query.productId }) : [] };
        },
        {},
      );
    case 'recommendations':
      return base.then(([user, , flags]) => {
        // Off for this shopper, or a guest with no product to start from: nothing to show, so nothing is sent.
        if (!flags.recommendations || (!query.productId && !user)) return {};
        return soft<Partial<ShopperSummary>>(
          'recommendations',
          async () => ({
            recommendations: query.productId ? await recommendForProduct(query.productId) : await recommendForUser(user!.id),
          }),
          {},
        );
      });
  }
}

export async function shopperSummary(query: ShopperQuery = { include: [] }): Promise<ShopperSummary> {
  const base = Promise.all([getSessionUser(), cartCount(), getFlags()]);
  // The parts that do not depend on the base start with it: the answer takes as long as its slowest read, not their sum.
  const parts = Promise.all(query.include.map((part) => readPart(part, query, base)));
  const [[user, count, flags], read] = await Promise.all([base, parts]);
  return {
    user: user ? { name: user.name, staff: hasRole(user, MARKETERS_GROUP) || isOperations(user) } : null,
    cartCount: count,
    flags,
    ...Object.assign({}, ...read),
  };
}
