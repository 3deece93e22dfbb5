import { isEnabled } from '@/server/flags';
import { formatMoney, type Money } from '@/server/platform/money';
import styles from './free-shipping-banner.module.css';

// The `free-shipping-banner` flag's banner: the free-shipping threshold, shown on the cart while the flag is on for
// this shopper. The threshold is passed in (server/checkout's FREE_SHIPPING_THRESHOLD), never restated here.
export async function FreeShippingBanner({ threshold }: { threshold: Money }) {
  if (!(await isEnabled('free-shipping-banner'))) return null;
  return (
    <p className={styles.banner} data-flag="free-shipping-banner">
      <strong>Free standard shipping</strong> on every order from {formatMoney(threshold)}.
    </p>
  );
}
