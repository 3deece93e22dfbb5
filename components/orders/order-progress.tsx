import type { Order } from '@/server/orders/contract';
import styles from './orders.module.css';

// Where the order is, as a row of steps: placed, being prepared, shipped, delivered — and, once a return is asked
// for, the return. A cancelled order has no road ahead: it says so instead of showing steps it will never take.

type Step = { key: string; label: string };

const FORWARD: Step[] = [
  { key: 'PLACED', label: 'Placed' },
  { key: 'PROCESSING', label: 'Preparing' },
  { key: 'SHIPPED', label: 'Shipped' },
  { key: 'DELIVERED', label: 'Delivered' },
];

function stepsOf(order: Order): { steps: Step[]; current: number } {
  const returning = ['RETURN_REQUESTED', 'RETURNED', 'PARTIALLY_RETURNED'].includes(order.status);
  const steps = returning
    ? [
        ...FORWARD,
        { key: 'RETURN_REQUESTED', label: 'Return on its way' },
        { key: 'RETURNED', label: order.status === 'PARTIALLY_RETURNED' ? 'Partly returned' : 'Returned' },
      ]
    : FORWARD;
  const status = order.status === 'PARTIALLY_RETURNED' ? 'RETURNED' : order.status;
  return {
    steps,
    current: Math.max(
      0,
      steps.findIndex((s) => s.key === status),
    ),
  };
}

export function OrderProgress({ order }: { order: Order }) {
  if (order.status === 'CANCELLED') {
    return (
      <p className={styles.cancelled}>
        <strong>Cancelled.</strong> This order will not be shipped, and nothing was charged.
      </p>
    );
  }
  const { steps, current } = stepsOf(order);
  return (
    <ol className={styles.progress} aria-label="Order progress">
      {steps.map((s, i) => (
        <li key={s.key} className={i < current ? styles.done : i === current ? styles.current : undefined} aria-current={i === current ? 'step' : undefined}>
          <span className={styles.dot} aria-hidden="true" />
          {s.label}
          {i < current ? <span className="visually-hidden"> (done)</span> : null}
        </li>
      ))}
    </ol>
  );
}
