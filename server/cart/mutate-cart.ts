import { getProductRecords, type ProductRecord } from '../catalog';
import { getConfig } from '../config';
import { isConditionalCheckFailure, withRetry } from '../db';
import { AppError } from '../errors';
import { cartKey, publicCartId } from './cart-key';
import { emptyStoredCart, readStoredCart, writeStoredCart } from './cart-store';
import type { Cart, CartOwner, StoredCart, StoredCartLine } from './cart-types';
import { priceCart } from './price-cart';

// A lost race is another tab or a merge writing the same cart: short pauses, a handful of attempts.
const CART_RACE_RETRY = { attempts: 5, baseDelayMs: 20, maxDelayMs: 200, retryOn: isConditionalCheckFailure };

/**
 * Read–change–write with a version guard. `change` sees the current lines and strongly consistent product
 * records (for its stock checks) and returns the new lines or throws an AppError; a lost race re-runs it on
 * the fresh cart. The answer is priced from the same records the change was validated against.
 */
export async function mutateCart(
  owner: CartOwner,
  extraProductIds: string[],
  change: (cart: StoredCart, products: Map<string, ProductRecord>) => StoredCartLine[],
): Promise<Cart> {
  const key = cartKey(owner);
  try {
    return await withRetry(async () => {
      const stored = (await readStoredCart(key)) ?? emptyStoredCart(key);
      const products = await getProductRecords([...stored.lines.map((l) => l.productId), ...extraProductIds]);
      const lines = change(stored, products);
      const written = await writeStoredCart({ ...stored, lines });
      return priceCart(publicCartId(key, getConfig().SESSION_SECRET), written.lines, products);
    }, CART_RACE_RETRY);
  } catch (err) {
    if (!isConditionalCheckFailure(err)) throw err;
    throw new AppError('CONFLICT', 'Your cart is being changed elsewhere. Please try again.');
  }
}
