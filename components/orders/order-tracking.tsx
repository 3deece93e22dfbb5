import Link from 'next/link';
import { carrierTrackingPath, type Order } from '@/server/orders/contract';
import { calendarDay } from './format-order';
import { LocalTime } from './local-time';
import styles from './orders.module.css';

/** Carrier, tracking number (linked to the carrier's page) and dates, once the warehouse has shipped the order. */
export function OrderTracking({ order }: { order: Order }) {
  const fulfilment = order.fulfilment;
  return (
    <section className={styles.panel} aria-labelledby="order-tracking">
      <h2 id="order-tracking">Delivery</h2>
      {fulfilment ? (
        <dl className={styles.totals}>
          <div>
            <dt>Carrier</dt>
            <dd>{fulfilment.carrier}</dd>
          </div>
          <div>
            <dt>Tracking number</dt>
            <dd>
              <Link href={carrierTrackingPath(fulfilment.trackingNumber)}>{fulfilment.trackingNumber}</Link>
            </dd>
          </div>
          <div>
            <dt>Shipped</dt>
            <dd>
              <LocalTime iso={fulfilment.shippedAt} />
            </dd>
          </div>
          <div>
            <dt>{fulfilment.deliveredAt ? 'Delivered' : 'Estimated delivery'}</dt>
            <dd>
              {fulfilment.deliveredAt ? (
                <LocalTime iso={fulfilment.deliveredAt} />
              ) : (
                <time dateTime={fulfilment.estimatedDelivery}>{calendarDay(fulfilment.estimatedDelivery)}</time>
              )}
            </dd>
          </div>
        </dl>
      ) : order.status === 'CANCELLED' ? (
        <p className={styles.meta}>Cancelled before it left the warehouse: nothing was shipped.</p>
      ) : (
        <p className={styles.meta}>Not shipped yet. The carrier and tracking number appear here as soon as it leaves the warehouse.</p>
      )}
    </section>
  );
}
