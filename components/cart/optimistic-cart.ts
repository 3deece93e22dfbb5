import type { Cart } from '@/server/cart/contract';

// What the cart looks like the moment a shopper acts, before the server answers. Only quantities and the sums
// derived from them change; prices stay the last server-priced ones, and the server's answer replaces all of it.

export type CartAction = { type: 'quantity'; lineId: string; quantity: number } | { type: 'remove'; lineId: string };

export function applyCartAction(cart: Cart, action: CartAction): Cart {
  const items =
    action.type === 'remove' || action.quantity === 0
      ? cart.items.filter((i) => i.lineId !== action.lineId)
      : cart.items.map((i) =>
          i.lineId === action.lineId ? { ...i, quantity: action.quantity, lineTotal: { ...i.lineTotal, amount: i.unitPrice.amount * action.quantity } } : i,
        );
  return {
    ...cart,
    items,
    subtotal: { ...cart.subtotal, amount: items.reduce((sum, i) => sum + i.lineTotal.amount, 0) },
    itemCount: items.reduce((n, i) => n + i.quantity, 0),
  };
}
