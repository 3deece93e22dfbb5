import { getProductRecords, type ProductRecord } from '../catalog';
import { isTransactionCanceled, withRetry } from '../platform/db';
import { cartKey } from './cart-key';
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from './cart-limits';
import { deleteStoredCartItem, emptyStoredCart, putStoredCartItem, readStoredCart, runCartTransaction } from './cart-store';
import type { StoredCartLine } from './contract';
import { newLineId } from './line-id';
import { unitsInStock } from './price-cart';

// A canceled merge means one of the two carts changed after it was read (another tab, a second sign-in).
const MERGE_RACE_RETRY = { attempts: 5, baseDelayMs: 20, maxDelayMs: 200, retryOn: isTransactionCanceled };

/**
 * Pure merge rule: guest quantities are added to the user's, each line capped by current stock and the
 * per-line maximum. A user's own quantity is never lowered by the merge; guest lines that cannot be had at all
 * (withdrawn, sold out) or that would pass the line limit are dropped.
 */
export function mergeLines(userLines: StoredCartLine[], guestLines: StoredCartLine[], products: Map<string, ProductRecord>): StoredCartLine[] {
  const merged = userLines.map((l) => ({ ...l }));
  for (const g of guestLines) {
    const cap = Math.min(MAX_LINE_QUANTITY, unitsInStock(products.get(g.productId), g.variantId));
    const same = merged.find((l) => l.productId === g.productId && l.variantId === g.variantId);
    if (same) {
      same.quantity = Math.max(same.quantity, Math.min(same.quantity + g.quantity, cap));
      continue;
    }
    const quantity = Math.min(g.quantity, cap);
    if (quantity <= 0 || merged.length >= MAX_CART_LINES) continue;
    merged.push({ lineId: newLineId(), productId: g.productId, variantId: g.variantId, quantity, addedAt: g.addedAt });
  }
  return merged;
}

/**
 * Moves a guest cart into a user's cart on sign-in: one transaction writes the merged user cart and deletes
 * the guest cart, both under version guards, so a retried sign-in can never add the guest lines twice.
 */
export async function mergeGuestCart(guestId: string, userId: string): Promise<boolean> {
  const guestKey = cartKey({ kind: 'guest', guestId });
  const userKey = cartKey({ kind: 'user', userId });
  try {
    return await withRetry(async () => {
      const guest = await readStoredCart(guestKey);
      if (!guest || guest.lines.length === 0) {
        if (guest) await runCartTransaction([deleteStoredCartItem(guest)]).catch(() => undefined);
        return true;
      }
      const user = (await readStoredCart(userKey)) ?? emptyStoredCart(userKey);
      const products = await getProductRecords([...user.lines, ...guest.lines].map((l) => l.productId));
      // The shopper's own code wins; else the one entered as a guest comes along (one code per cart).
      const discountCodes = user.discountCodes?.length ? user.discountCodes : (guest.discountCodes ?? []);
      const { write } = putStoredCartItem({ ...user, lines: mergeLines(user.lines, guest.lines, products), discountCodes });
      await runCartTransaction([write, deleteStoredCartItem(guest)]);
      return true;
    }, MERGE_RACE_RETRY);
  } catch (err) {
    if (!isTransactionCanceled(err)) throw err;
    // Sign-in must not fail because of a cart: the guest cart (and its cookie) stays, and the next sign-in merges it.
    return false;
  }
}
