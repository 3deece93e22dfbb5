import type { Basket } from './contract';

// Item-to-item co-purchase counts: for every pair of products in one order, each counts the other once.
// Orders, not carts, because a purchase is the strongest signal we hold; quantity is ignored so one bulk buyer
// cannot dominate a pair.

export type CoPurchaseIndex = {
  /** productId -> (other productId -> orders containing both). */
  pairs: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** productId -> orders containing it: the popularity used for cold items and tie-breaks. */
  orders: ReadonlyMap<string, number>;
};

export function buildCoPurchase(baskets: Iterable<Basket>): CoPurchaseIndex {
  const pairs = new Map<string, Map<string, number>>();
  const orders = new Map<string, number>();
  for (const basket of baskets) {
    const ids = [...new Set(basket)];
    for (const id of ids) orders.set(id, (orders.get(id) ?? 0) + 1);
    for (const a of ids) {
      let row = pairs.get(a);
      if (!row) pairs.set(a, (row = new Map()));
      for (const b of ids) if (a !== b) row.set(b, (row.get(b) ?? 0) + 1);
    }
  }
  return { pairs, orders };
}
