'use client';

import Link from 'next/link';
import { DiscountLines } from '@/components/discounts/discount-lines';
import { useModalDialog } from '@/components/layout/use-modal-dialog';
import type { Cart } from '@/server/cart/contract';
import { formatMoney } from '@/server/platform/money';
import styles from './cart.module.css';
import { CartAnnouncements } from './cart-announcements';
import { CartLines } from './cart-lines';
import { useOptimisticCart } from './use-optimistic-cart';

/**
 * A side panel showing the cart right after an add, editable in place. A native modal <dialog>: focus moves
 * into it, stays there, Escape closes it, and focus returns to the button that opened it.
 */
export function CartDrawer({ cart: serverCart, open, onClose }: { cart: Cart; open: boolean; onClose: () => void }) {
  const ref = useModalDialog(open);
  const { cart, pendingLine, error, status, setQuantity, remove } = useOptimisticCart(serverCart);

  return (
    <dialog ref={ref} className={styles.drawer} aria-labelledby="cart-drawer-title" onClose={onClose}>
      <div className={styles.drawerHead}>
        <h2 id="cart-drawer-title">Your cart</h2>
        <button type="button" className="button button--ghost" onClick={onClose}>
          Close<span className="visually-hidden"> cart</span>
        </button>
      </div>
      <CartAnnouncements status={status} error={error} />
      {cart.items.length === 0 ? (
        <p>Your cart is empty.</p>
      ) : (
        <>
          <CartLines cart={cart} pendingLine={pendingLine} onQuantity={setQuantity} onRemove={remove} />
          <p className={styles.row} style={{ margin: '16px 0' }}>
            <span>Subtotal</span> <strong>{formatMoney(cart.subtotal)}</strong>
          </p>
          {/* The same discounts the cart page lists (the cart routes price them); changing a code is on that page. */}
          <DiscountLines cart={cart} />
          {cart.discountTotal.amount > 0 ? (
            <p className={styles.row} style={{ margin: '16px 0' }}>
              <span>After discounts</span> <strong>{formatMoney({ ...cart.subtotal, amount: cart.subtotal.amount - cart.discountTotal.amount })}</strong>
            </p>
          ) : null}
        </>
      )}
      <div className={styles.actions}>
        <Link className="button button--ghost" href="/cart" onClick={onClose}>
          View cart
        </Link>
        {cart.items.length > 0 ? (
          <Link className="button" href="/checkout" onClick={onClose}>
            Check out
          </Link>
        ) : null}
      </div>
    </dialog>
  );
}
