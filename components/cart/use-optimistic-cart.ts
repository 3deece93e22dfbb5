'use client';

import { useEffect, useOptimistic, useState, useTransition } from 'react';
import type { Cart } from '@/server/cart/contract';
import { cartRequest } from './cart-api';
import { applyCartAction, type CartAction } from './optimistic-cart';

/**
 * The cart as shown: changes apply at once (useOptimistic) and are replaced by the server's priced cart when it
 * answers. A refused change (stock ran out, say) rolls back by itself, because the optimistic layer ends with
 * the transition, and the reason is kept for an aria-live message.
 */
export function useOptimisticCart(initial: Cart) {
  const [cart, setCart] = useState(initial);
  const [shown, apply] = useOptimistic(cart, applyCartAction);
  const [pending, startTransition] = useTransition();
  const [pendingLine, setPendingLine] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  // A server re-render (router.refresh, navigation) brings a newer cart.
  useEffect(() => setCart(initial), [initial]);

  function run(action: CartAction, done: string) {
    setError(null);
    setPendingLine(action.lineId);
    startTransition(async () => {
      apply(action);
      const result =
        action.type === 'remove' || action.quantity === 0
          ? await cartRequest('DELETE', `/api/cart/items/${encodeURIComponent(action.lineId)}`)
          : await cartRequest('PATCH', `/api/cart/items/${encodeURIComponent(action.lineId)}`, { quantity: action.quantity });
      startTransition(() => {
        setPendingLine(null);
        if (result.ok) {
          setCart(result.data);
          setStatus(done);
        } else {
          setError(result.message);
          setStatus('');
        }
      });
    });
  }

  return {
    cart: shown,
    pending,
    pendingLine,
    error,
    status,
    replace: setCart,
    setQuantity: (lineId: string, quantity: number, name: string) => run({ type: 'quantity', lineId, quantity }, `${name}: quantity ${quantity}.`),
    remove: (lineId: string, name: string) => run({ type: 'remove', lineId }, `Removed ${name} from your cart.`),
  };
}
