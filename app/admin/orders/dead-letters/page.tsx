import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/admin/orders/operations.module.css';
import { RedriveButton } from '@/components/admin/orders/redrive-button';
import ordersStyles from '@/components/orders/orders.module.css';
import { listDeadLetters } from '@/server/fulfilment';
import { operationsUser } from '../operations-access';

// /admin/orders/dead-letters: the warehouse messages that failed every delivery attempt, with one redrive for all.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Dead-letter queue · Operations', robots: { index: false, follow: false } };

export default async function DeadLettersPage() {
  const { denied } = await operationsUser('/admin/orders/dead-letters');
  if (denied) return denied;
  const letters = await listDeadLetters();

  return (
    <>
      <p>
        <Link href="/admin/orders">All orders</Link>
      </p>
      <h1>Dead-letter queue</h1>
      <p>
        Messages to the warehouse that failed on every attempt land here instead of blocking the orders behind them. Fix the cause, then send them back: the
        warehouse skips any step an order has already taken, so a redrive never ships or charges twice.
      </p>
      {letters.length === 0 ? (
        <p>The dead-letter queue is empty.</p>
      ) : (
        <table className={ordersStyles.table}>
          <caption>{letters.length === 1 ? 'One message' : `${letters.length} messages`} waiting</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Event</th>
              <th scope="col" className={ordersStyles.num}>
                Attempts
              </th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {letters.map((m) => (
              <tr key={m.messageId}>
                <th scope="row">{m.orderId ? <Link href={`/admin/orders/${m.orderId}`}>{m.orderId}</Link> : 'unreadable'}</th>
                <td>{m.event}</td>
                <td className={ordersStyles.num}>{m.receiveCount}</td>
                <td className={styles.code}>{m.body.slice(0, 300)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RedriveButton count={letters.length} />
    </>
  );
}
