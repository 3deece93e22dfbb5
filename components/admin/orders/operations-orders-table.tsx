import Link from 'next/link';
import { TableScroll } from '@/components/admin/table-scroll';
import { orderDate, STATUS_LABELS } from '@/components/orders/format-order';
import styles from '@/components/orders/orders.module.css';
import type { OrderSummary } from '@/server/orders/contract';
import { formatMoney } from '@/server/platform/money';
import opsStyles from './operations.module.css';

export function OperationsOrdersTable({ orders }: { orders: (OrderSummary & { email: string })[] }) {
  return (
    <TableScroll label="Orders">
      <table className={styles.table}>
        <caption>Orders, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Placed</th>
            <th scope="col">Email</th>
            <th scope="col">Status</th>
            <th scope="col" className={styles.num}>
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.id}>
              <th scope="row">
                <Link href={`/admin/orders/${o.id}`}>{o.number}</Link>
              </th>
              <td>
                <time dateTime={o.createdAt}>{orderDate(o.createdAt, true)}</time>
              </td>
              <td>{o.email || <span className={styles.meta}>erased</span>}</td>
              <td>
                <span className={`${styles.status} ${opsStyles.pill}`} data-status={o.status}>
                  {STATUS_LABELS[o.status]}
                </span>
              </td>
              <td className={styles.num}>{formatMoney(o.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
