import type { TimelineEntry } from '@/server/orders/contract';
import { STATUS_LABELS } from './format-order';
import { LocalTime } from './local-time';
import styles from './orders.module.css';

const BY_LABELS: Record<TimelineEntry['by'], string> = { shopper: 'by you', operations: 'by our team', system: '' };

/**
 * The order's history, oldest first (API.md). `byLabels` lets the operations console name the shopper plainly. A
 * refund is told as a refund (its status is the order's, unchanged); a staff note exists only on the operations
 * view of an order, so only the console ever shows one.
 */
export function OrderTimeline({ timeline, byLabels = BY_LABELS }: { timeline: TimelineEntry[]; byLabels?: Record<TimelineEntry['by'], string> }) {
  return (
    <section className={styles.section} aria-labelledby="order-timeline">
      <h2 id="order-timeline">Timeline</h2>
      <ol className={styles.timeline}>
        {timeline.map((entry) => (
          <li key={`${entry.at}:${entry.status}:${entry.by}:${entry.event ?? ''}`}>
            <strong>{entry.event === 'refund' ? 'Refunded' : STATUS_LABELS[entry.status]}</strong> {byLabels[entry.by]} · <LocalTime iso={entry.at} />
            {entry.note ? <p className={styles.meta}>{entry.note}</p> : null}
            {entry.staffNote ? <p className={styles.meta}>Staff note: {entry.staffNote}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
