import { getProductRecords, type ProductRecord } from '../catalog';
import { getConfig } from '../platform/config';
import { isConditionalCheckFailure, withRetry } from '../platform/db';
import { AppError } from '../platform/errors';
import { cartKey, publicCartId } from './cart-key';
import { cartOffer } from './cart-offer';
import { emptyStoredCart, readStoredCart, writeStoredCart } from './cart-store';
import type { Cart, CartOwner, StoredCart, StoredCartLine } from './contract';
import { priceCart } from './price-cart';

/** A change of the lines only, or of the lines and the entered discount code. */
type CartChange = StoredCartLine[] | { lines: StoredCartLine[]; discountCodes: string[] };

type MutateOptions = {
  /** Whose per-customer limits the priced answer checks (null: not known, checked at checkout). */
  customerKey?: string | null;
  /** Runs on the priced cart before it is written: throw to refuse the change (an invalid code). */
  check?: (priced: Cart) => void;
};

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
  change: (cart: StoredCart, products: Map<string, ProductRecord>) => CartChange,
  options: MutateOptions = {},
): Promise<Cart> {
  const key = cartKey(owner);
  try {
    return await withRetry(async () => {
      const stored = (await readStoredCart(key)) ?? emptyStoredCart(key);
      const products = await getProductRecords([...stored.lines.map((l) => l.productId), ...extraProductIds]);
      const changed = change(stored, products);
      const next: StoredCart = Array.isArray(changed) ? { ...stored, lines: changed } : { ...stored, ...changed };
      const offer = await cartOffer(next, options.customerKey ?? null);
      // Priced from the lines and code about to be written, with the records the change was validated against.
      const priced = priceCart(publicCartId(key, getConfig().SESSION_SECRET), next.lines, products, offer);
      options.check?.(priced);
      await writeStoredCart(next);
      return priced;
    }, CART_RACE_RETRY);
  } catch (err) {
    if (!isConditionalCheckFailure(err)) throw err;
    throw new AppError('CONFLICT', 'Your cart is being changed elsewhere. Please try again.');
  }
}
