import styles from '@/components/orders/orders.module.css';
import type { Order } from '@/server/orders/contract';
import { formatMoney, money } from '@/server/platform/money';
import figures from './operations.module.css';

/** What the order's ledger says moved: held, taken, given back, and what may still be refunded. */
export function PaymentLedger({ payment }: { payment: Order['payment'] }) {
  const refundable = money(payment.captured.amount - payment.refunded.amount, payment.captured.currency);
  return (
    <section className={styles.panel} aria-labelledby="payment-ledger">
      <h2 id="payment-ledger">Payment ledger</h2>
      <p className={styles.meta}>
        {payment.brand} ending in {payment.last4} · {payment.status.replace(/_/g, ' ').toLowerCase()}
      </p>
      <dl className={figures.figures}>
        <div>
          <dt>Authorised</dt>
          <dd>{formatMoney(payment.authorized)}</dd>
        </div>
        <div>
          <dt>Captured</dt>
          <dd>{formatMoney(payment.captured)}</dd>
        </div>
        <div>
          <dt>Refunded</dt>
          <dd>{formatMoney(payment.refunded)}</dd>
        </div>
        <div>
          <dt>Refundable</dt>
          <dd>{formatMoney(refundable)}</dd>
        </div>
      </dl>
    </section>
  );
}
