'use client';

import { useEffect, useState } from 'react';
import type { Cart } from '@/server/cart/contract';
import { AppliedDiscounts } from './applied-discounts';
import { DiscountCodeForm } from './discount-code-form';
import type { DiscountAction } from './discount-form-state';
import styles from './discounts.module.css';

type Shown = Pick<Cart, 'discounts' | 'discountIssue'>;

/** The checkout page's discount code: its own form (forms cannot nest), the review re-quotes when it changes. */
export function CheckoutDiscounts({ initial, actions }: { initial: Shown; actions: { apply: DiscountAction; remove: DiscountAction } }) {
  const [shown, setShown] = useState(initial);
  useEffect(() => setShown(initial), [initial]);
  return (
    <section className={styles.panel} aria-labelledby="checkout-discounts-title">
      <h2 id="checkout-discounts-title">Discounts</h2>
      <AppliedDiscounts discounts={shown.discounts} issue={shown.discountIssue} action={actions.remove} onCart={setShown} />
      <DiscountCodeForm action={actions.apply} onCart={setShown} />
    </section>
  );
}
