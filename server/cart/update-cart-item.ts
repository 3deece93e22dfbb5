import { AppError } from '../platform/errors';
import type { Cart, CartOwner } from './contract';
import { mutateCart } from './mutate-cart';
import { outOfStockError } from './out-of-stock';
import { unitsInStock } from './price-cart';

function lineNotFound(): AppError {
  // The same answer whether the line never existed or sits in someone else's cart: lines are looked up only
  // inside the caller's own cart, so there is nothing to tell apart.
  return new AppError('NOT_FOUND', 'That item is not in your cart.');
}

/** Sets a line's quantity; 0 removes the line. */
export async function updateCartItem(owner: CartOwner, lineId: string, quantity: number): Promise<Cart> {
  if (quantity === 0) return removeCartItem(owner, lineId);
  return mutateCart(owner, [], (cart, products) => {
    const line = cart.lines.find((l) => l.lineId === lineId);
    if (!line) throw lineNotFound();
    const record = products.get(line.productId);
    const available = unitsInStock(record, line.variantId);
    if (quantity > available) {
      throw outOfStockError([{ productId: line.productId, variantId: line.variantId, name: record?.name, requested: quantity, available }]);
    }
    return cart.lines.map((l) => (l === line ? { ...l, quantity } : l));
  });
}

export async function removeCartItem(owner: CartOwner, lineId: string): Promise<Cart> {
  return mutateCart(owner, [], (cart) => {
    if (!cart.lines.some((l) => l.lineId === lineId)) throw lineNotFound();
    return cart.lines.filter((l) => l.lineId !== lineId);
  });
}
