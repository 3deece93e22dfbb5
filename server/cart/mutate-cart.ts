import { getProductRecords, type ProductRecord } from '../catalog';
import { getConfig } from '../config';
import { AppError } from '../errors';
import { cartKey, publicCartId } from './cart-key';
import { emptyStoredCart, readStoredCart, writeStoredCart } from './cart-store';
import type { Cart, CartOwner, StoredCart, StoredCartLine } from './cart-types';
import { isConditionalCheckFailure } from './is-condition-failure';
import { priceCart } from './price-cart';

const MAX_ATTEMPTS = 5;

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
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const stored = (await readStoredCart(key)) ?? emptyStoredCart(key);
    const products = await getProductRecords([...stored.lines.map((l) => l.productId), ...extraProductIds]);
    const lines = change(stored, products);
    try {
      const written = await writeStoredCart({ ...stored, lines });
      return priceCart(publicCartId(key, getConfig().SESSION_SECRET), written.lines, products);
    } catch (err) {
      if (!isConditionalCheckFailure(err)) throw err;
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 30 * (attempt + 1)));
    }
  }
  throw new AppError('CONFLICT', 'Your cart is being changed elsewhere. Please try again.');
}
