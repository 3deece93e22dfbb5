'use client';

import { useActionState, useEffect, useRef } from 'react';
import type { Cart, CartDiscount } from '@/server/cart/contract';
import { formatMoney } from '@/server/platform/money';
import { DISCOUNT_CHANGED_EVENT, type DiscountAction, IDLE_DISCOUNT_STATE } from './discount-form-state';
import styles from './discounts.module.css';

/** One applied discount (or the entered code that no longer applies), with Remove for a code the shopper entered. */
function DiscountRow({
  label,
  amount,
  code,
  note,
  action,
  onCart,
}: {
  label: string;
  amount: string;
  code: string | null;
  note?: string;
  action: DiscountAction;
  onCart?: (cart: Cart) => void;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE_DISCOUNT_STATE);
  // Once per answer (not per render): the parent's callback may be a new function every render.
  const onCartRef = useRef(onCart);
  onCartRef.current = onCart;
  useEffect(() => {
    if (!state.cart) return;
    onCartRef.current?.(state.cart);
    window.dispatchEvent(new Event(DISCOUNT_CHANGED_EVENT));
  }, [state]);
  return (
    <li className={styles.discount}>
      <span>
        {label}
        {note ? <small className={styles.error}>{note}</small> : null}
      </span>
      <span className={styles.amount}>{amount}</span>
      {code ? (
        <form action={formAction}>
          <input type="hidden" name="code" value={code} />
          <button type="submit" className={`link-button ${styles.linkButton}`} disabled={pending}>
            Remove<span className="visually-hidden"> code {code}</span>
          </button>
        </form>
      ) : null}
      {state.status === 'failed' ? (
        <small className={styles.error} role="alert">
          {state.message}
        </small>
      ) : null}
    </li>
  );
}

export const amountText = (d: CartDiscount) =>
  d.amount.amount > 0 ? `−${formatMoney(d.amount)}` : d.kind === 'free-shipping' ? 'Free shipping' : formatMoney(d.amount);

/** How a discount is named in a list: an automatic promotion by its description, a code with the code. */
export const discountLabel = (d: CartDiscount) => (d.automatic ? d.description : `${d.description} (${d.code})`);

/** The discounts of a cart or quote: automatic promotions, the entered code, and a code that no longer applies. */
export function AppliedDiscounts({
  discounts,
  issue,
  action,
  onCart,
}: {
  discounts: CartDiscount[];
  issue: Cart['discountIssue'];
  action: DiscountAction;
  onCart?: (cart: Cart) => void;
}) {
  if (discounts.length === 0 && !issue) return null;
  return (
    <ul className={styles.discounts} aria-label="Discounts">
      {discounts.map((d) => (
        <DiscountRow key={d.code} label={discountLabel(d)} amount={amountText(d)} code={d.automatic ? null : d.code} action={action} onCart={onCart} />
      ))}
      {issue ? (
        <DiscountRow
          key={`issue-${issue.code}`}
          label={`Code ${issue.code}`}
          amount=""
          code={issue.code}
          note={issue.message}
          action={action}
          onCart={onCart}
        />
      ) : null}
    </ul>
  );
}
