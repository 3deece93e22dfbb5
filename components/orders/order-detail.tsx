import Link from 'next/link';
import { type Order, REFUND_REASON_LABELS } from '@/server/orders/contract';
import { formatMoney, money } from '@/server/platform/money';
import { STATUS_LABELS } from './format-order';
import { LocalTime } from './local-time';
import styles from './orders.module.css';

const BRAND_LABELS: Record<string, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover' };

/** `status` replaces the static status badge (the order page passes its live one). */
export function OrderDetail({ order, status, progress }: { order: Order; status?: React.ReactNode; progress?: React.ReactNode }) {
  const a = order.shippingAddress;
  const anyReturned = order.items.some((i) => i.returnedQuantity > 0);
  const refunded = order.refunds.reduce((n, r) => n + r.amount.amount, 0);
  return (
    <>
      {status ?? (
        <p>
          <span className={styles.status}>{STATUS_LABELS[order.status]}</span>
        </p>
      )}
      <p className={styles.meta}>
        Placed <LocalTime iso={order.createdAt} />
      </p>
      {progress}
      <table className={styles.table}>
        <caption>Items in this order</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" className={styles.num}>
              Price
            </th>
            <th scope="col" className={styles.num}>
              Quantity
            </th>
            <th scope="col" className={styles.num}>
              Total
            </th>
            {anyReturned ? (
              <th scope="col" className={styles.num}>
                Returned
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {order.items.map((i) => (
            <tr key={`${i.productId}:${i.variantId}`}>
              <th scope="row">
                {i.slug ? <Link href={`/p/${i.slug}`}>{i.name}</Link> : i.name}
                {Object.keys(i.options).length > 0 ? <span className={styles.meta}> · {Object.values(i.options).join(' · ')}</span> : null}
              </th>
              <td className={styles.num}>{formatMoney(i.unitPrice)}</td>
              <td className={styles.num}>{i.quantity}</td>
              <td className={styles.num}>{formatMoney(i.lineTotal)}</td>
              {anyReturned ? <td className={styles.num}>{i.returnedQuantity > 0 ? `${i.returnedQuantity} of ${i.quantity}` : '—'}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      <div className={styles.grid}>
        <section className={styles.panel} aria-labelledby="order-totals">
          <h2 id="order-totals">Totals</h2>
          <dl className={styles.totals}>
            <div>
              <dt>Subtotal</dt>
              <dd>{formatMoney(order.subtotal)}</dd>
            </div>
            {order.discounts.map((d) => (
              <div key={d.code}>
                <dt>{d.automatic ? d.description : `${d.description} (${d.code})`}</dt>
                <dd>−{formatMoney(d.amount)}</dd>
              </div>
            ))}
            <div>
              <dt>Shipping ({order.shippingMethod.label})</dt>
              <dd>{order.shipping.amount === 0 ? 'Free' : formatMoney(order.shipping)}</dd>
            </div>
            <div>
              <dt>Tax</dt>
              <dd>{formatMoney(order.tax)}</dd>
            </div>
            <div className={styles.grand}>
              <dt>Total</dt>
              <dd>{formatMoney(order.total)}</dd>
            </div>
            {order.refunds.map((r) => (
              <div key={`${r.at}:${r.amount.amount}`}>
                <dt>
                  {REFUND_REASON_LABELS[r.reason]} refunded <LocalTime iso={r.at} withTime={false} />
                </dt>
                <dd>−{formatMoney(r.amount)}</dd>
              </div>
            ))}
            {refunded > 0 ? (
              <div className={styles.grand}>
                <dt>You paid, after refunds</dt>
                <dd>{formatMoney(money(order.total.amount - refunded, order.total.currency))}</dd>
              </div>
            ) : null}
          </dl>
        </section>
        <section className={styles.panel} aria-labelledby="order-address">
          <h2 id="order-address">Shipping to</h2>
          <address>
            {a.name}
            <br />
            {a.line1}
            {a.line2 ? (
              <>
                <br />
                {a.line2}
              </>
            ) : null}
            <br />
            {a.city}
            {a.region ? `, ${a.region}` : ''} {a.postalCode}
            <br />
            {a.country}
          </address>
        </section>
        <section className={styles.panel} aria-labelledby="order-payment">
          <h2 id="order-payment">Payment</h2>
          <p>
            {BRAND_LABELS[order.payment.brand] ?? 'Card'} ending in {order.payment.last4}
          </p>
        </section>
      </div>
    </>
  );
}
