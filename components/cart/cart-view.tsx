'use client';

import Link from 'next/link';
import { AppliedDiscounts } from '@/components/discounts/applied-discounts';
import { DiscountCodeForm } from '@/components/discounts/discount-code-form';
import type { DiscountAction } from '@/components/discounts/discount-form-state';
import type { Cart } from '@/server/cart/contract';
import { formatMoney, type Money } from '@/server/platform/money';
import styles from './cart.module.css';
import { CartAnnouncements } from './cart-announcements';
import { CartLines } from './cart-lines';
import { FreeShippingNote } from './free-shipping-note';
import { useOptimisticCart } from './use-optimistic-cart';

/** The /cart page body: lines with optimistic edits, the summary and the way to checkout. */
export function CartView({
  initial,
  freeShippingThreshold,
  discountActions,
}: {
  initial: Cart;
  freeShippingThreshold: Money | null;
  /** Server actions for the discount-code forms (app/cart/discount-actions.ts). */
  discountActions: { apply: DiscountAction; remove: DiscountAction };
}) {
  const { cart, pendingLine, error, status, setQuantity, remove, replace } = useOptimisticCart(initial);
  const afterDiscounts = { ...cart.subtotal, amount: cart.subtotal.amount - cart.discountTotal.amount };
  const blocked = cart.items.some((i) => !i.available);

  return (
    <>
      <CartAnnouncements status={status} error={error} />
      {cart.items.length === 0 ? (
        <div className={styles.empty}>
          <p>Your cart is empty.</p>
          <Link className="button" href="/">
            Continue shopping
          </Link>
        </div>
      ) : (
        <div className={styles.layout}>
          <CartLines cart={cart} pendingLine={pendingLine} onQuantity={setQuantity} onRemove={remove} />
          <section className={styles.summary} aria-labelledby="cart-summary-title">
            <h2 id="cart-summary-title">Order summary</h2>
            <dl>
              <div className={styles.row}>
                <dt>Items</dt>
                <dd>{cart.itemCount}</dd>
              </div>
              <div className={styles.row}>
                <dt>Subtotal</dt>
                <dd>{formatMoney(cart.subtotal)}</dd>
              </div>
            </dl>
            <AppliedDiscounts discounts={cart.discounts} issue={cart.discountIssue} action={discountActions.remove} onCart={replace} />
            {cart.discountTotal.amount > 0 ? (
              <dl>
                <div className={styles.row}>
                  <dt>After discounts</dt>
                  <dd>{formatMoney(afterDiscounts)}</dd>
                </div>
              </dl>
            ) : null}
            <DiscountCodeForm action={discountActions.apply} onCart={replace} />
            {freeShippingThreshold ? <FreeShippingNote subtotal={cart.subtotal} threshold={freeShippingThreshold} /> : null}
            <p className={styles.meta}>Shipping and tax are worked out at checkout.</p>
            {blocked ? <p className={styles.error}>Some items are not available in the quantity in your cart. Change or remove them to check out.</p> : null}
            {blocked ? (
              <button type="button" className="button" disabled>
                Check out
              </button>
            ) : (
              <Link className="button" href="/checkout">
                Check out
              </Link>
            )}
          </section>
        </div>
      )}
    </>
  );
}
