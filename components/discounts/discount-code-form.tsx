'use client';

import { useActionState, useEffect, useId, useRef } from 'react';
import type { Cart } from '@/server/cart/contract';
import { DISCOUNT_CHANGED_EVENT, type DiscountAction, IDLE_DISCOUNT_STATE } from './discount-form-state';
import styles from './discounts.module.css';

/**
 * "Discount code" + Apply. A server action (passed in by the page), so it works before hydration; once hydrated
 * the answer's cart goes to `onCart` and other islands hear DISCOUNT_CHANGED_EVENT. A refusal says why (expired,
 * used up, minimum not met …) next to the field, announced as an alert.
 */
export function DiscountCodeForm({ action, onCart }: { action: DiscountAction; onCart?: (cart: Cart) => void }) {
  const [state, formAction, pending] = useActionState(action, IDLE_DISCOUNT_STATE);
  const id = useId();
  const refused = state.status === 'refused' || state.status === 'failed';

  // Once per answer (not per render): the parent's callback may be a new function every render.
  const onCartRef = useRef(onCart);
  onCartRef.current = onCart;
  useEffect(() => {
    if (!state.cart) return;
    onCartRef.current?.(state.cart);
    window.dispatchEvent(new Event(DISCOUNT_CHANGED_EVENT));
  }, [state]);

  return (
    <form action={formAction} className={styles.form}>
      <label htmlFor={`${id}-code`}>Discount code</label>
      <div className={styles.row}>
        <input
          id={`${id}-code`}
          name="code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={64}
          required
          aria-invalid={refused ? true : undefined}
          aria-describedby={state.message ? `${id}-message` : undefined}
        />
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Applying…' : 'Apply'}
        </button>
      </div>
      <p id={`${id}-message`} className={refused ? styles.error : styles.note} role={refused ? 'alert' : 'status'}>
        {state.status === 'applied' || refused ? state.message : ''}
      </p>
    </form>
  );
}
