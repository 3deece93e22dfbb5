import { formatMoney, type Money } from '@/server/platform/money';
import styles from './cart.module.css';

/** "Free standard shipping from $75" banner, or how far away the shopper is. */
export function FreeShippingNote({ subtotal, threshold }: { subtotal: Money; threshold: Money }) {
  const missing = threshold.amount - subtotal.amount;
  return (
    <p className={styles.banner}>
      {missing <= 0
        ? 'Your order ships free with standard shipping.'
        : `Add ${formatMoney({ ...threshold, amount: missing })} more for free standard shipping (orders from ${formatMoney(threshold)}).`}
    </p>
  );
}
