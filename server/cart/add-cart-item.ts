import { isPublished } from '../catalog';
import { AppError } from '../platform/errors';
import { type AddItemInput, MAX_CART_LINES, MAX_LINE_QUANTITY } from './cart-limits';
import type { Cart, CartOwner } from './contract';
import { newLineId } from './line-id';
import { mutateCart } from './mutate-cart';
import { outOfStockError } from './out-of-stock';
import { unitsInStock } from './price-cart';

/** Adds units of a variant; a variant already in the cart gets its quantity raised instead of a second line. */
export async function addCartItem(owner: CartOwner, input: AddItemInput): Promise<Cart> {
  return mutateCart(owner, [input.productId], (cart, products) => {
    const record = products.get(input.productId);
    if (!record || !isPublished(record)) throw new AppError('NOT_FOUND', `There is no product "${input.productId}".`);
    const variant = record.variants.find((v) => v.id === input.variantId);
    if (!variant) throw new AppError('NOT_FOUND', `${record.name} has no variant "${input.variantId}".`);

    const existing = cart.lines.find((l) => l.productId === input.productId && l.variantId === input.variantId);
    const requested = (existing?.quantity ?? 0) + input.quantity;
    if (requested > MAX_LINE_QUANTITY) {
      throw new AppError(
        'VALIDATION_FAILED',
        `You can have at most ${MAX_LINE_QUANTITY} of one item in your cart${existing ? ` (you already have ${existing.quantity})` : ''}.`,
        { details: [{ path: 'quantity', message: `must be at most ${MAX_LINE_QUANTITY - (existing?.quantity ?? 0)}` }] },
      );
    }
    const available = unitsInStock(record, input.variantId);
    if (requested > available) {
      throw outOfStockError([{ productId: input.productId, variantId: input.variantId, name: record.name, requested, available }]);
    }
    if (existing) {
      return cart.lines.map((l) => (l === existing ? { ...l, quantity: requested } : l));
    }
    if (cart.lines.length >= MAX_CART_LINES) {
      throw new AppError('VALIDATION_FAILED', `Your cart can hold at most ${MAX_CART_LINES} different items. Remove one to add another.`);
    }
    const line = { lineId: newLineId(), productId: input.productId, variantId: input.variantId, quantity: input.quantity, addedAt: new Date().toISOString() };
    return [...cart.lines, line];
  });
}
