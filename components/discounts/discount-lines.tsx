import type { Cart } from '@/server/cart/contract';
import { amountText, discountLabel } from './applied-discounts';
import styles from './discounts.module.css';

/**
 * The cart's discounts read-only, as the cart page lists them (automatic promotions, the entered code, a code that
 * no longer applies) for the cart drawer, which links to the cart page to change a code.
 */
export function DiscountLines({ cart }: { cart: Pick<Cart, 'discounts' | 'discountIssue'> }) {
  if (cart.discounts.length === 0 && !cart.discountIssue) return null;
  return (
    <ul className={styles.discounts} aria-label="Discounts">
      {cart.discounts.map((d) => (
        <li key={d.code} className={styles.discount}>
          <span>{discountLabel(d)}</span>
          <span className={styles.amount}>{amountText(d)}</span>
        </li>
      ))}
      {cart.discountIssue ? (
        <li className={styles.discount}>
          <span>
            Code {cart.discountIssue.code}
            <small className={styles.error}>{cart.discountIssue.message}</small>
          </span>
        </li>
      ) : null}
    </ul>
  );
}
