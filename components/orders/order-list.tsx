import Link from 'next/link';
import type { OrderSummary } from '@/server/orders/contract';
import { formatMoney } from '@/server/platform/money';
import { orderDate, STATUS_LABELS } from './format-order';
import styles from './orders.module.css';

export function OrderList({ orders }: { orders: OrderSummary[] }) {
  return (
    <table className={styles.table}>
      <caption>Your orders, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Order</th>
          <th scope="col">Placed</th>
          <th scope="col">Status</th>
          <th scope="col">Items</th>
          <th scope="col" className={styles.num}>
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {orders.map((o) => (
          <tr key={o.id}>
            <th scope="row">
              <Link href={`/orders/${o.id}`}>{o.number}</Link>
            </th>
            <td data-label="Placed">
              <time dateTime={o.createdAt}>{orderDate(o.createdAt)}</time>
            </td>
            <td data-label="Status">
              <span className={styles.status}>{STATUS_LABELS[o.status]}</span>
            </td>
            <td data-label="Items">
              {o.firstItemName}
              {o.itemCount > 1 ? <span className={styles.meta}> and more · {o.itemCount} items</span> : null}
            </td>
            <td className={styles.num} data-label="Total">
              {formatMoney(o.total)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
