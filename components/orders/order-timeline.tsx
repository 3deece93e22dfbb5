import type { TimelineEntry } from '@/server/orders/order-types';
import { orderDate, STATUS_LABELS } from './format-order';
import styles from './orders.module.css';

const BY_LABELS: Record<TimelineEntry['by'], string> = { shopper: 'by you', operations: 'by our team', system: '' };

/** The order's history, oldest first (API.md). `byLabels` lets the operations console name the shopper plainly. */
export function OrderTimeline({ timeline, byLabels = BY_LABELS }: { timeline: TimelineEntry[]; byLabels?: Record<TimelineEntry['by'], string> }) {
  return (
    <section className={styles.section} aria-labelledby="order-timeline">
      <h2 id="order-timeline">Timeline</h2>
      <ol className={styles.timeline}>
        {timeline.map((entry) => (
          <li key={`${entry.at}:${entry.status}:${entry.by}`}>
            <strong>{STATUS_LABELS[entry.status]}</strong> {byLabels[entry.by]} · <time dateTime={entry.at}>{orderDate(entry.at, true)}</time>
            {entry.note ? <p className={styles.meta}>{entry.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
