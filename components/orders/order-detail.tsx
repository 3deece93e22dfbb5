import Link from 'next/link';
import { formatMoney } from '@/server/money';
import type { Order } from '@/server/orders/order-types';
import { orderDate, STATUS_LABELS } from './format-order';
import styles from './orders.module.css';

const BRAND_LABELS: Record<string, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover' };

/** `status` replaces the static status badge (the order page passes its live one). */
export function OrderDetail({ order, status }: { order: Order; status?: React.ReactNode }) {
  const a = order.shippingAddress;
  return (
    <>
      {status ?? (
        <p>
          <span className={styles.status}>{STATUS_LABELS[order.status]}</span>
        </p>
      )}
      <p className={styles.meta}>
        Placed <time dateTime={order.createdAt}>{orderDate(order.createdAt, true)}</time>
      </p>
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
