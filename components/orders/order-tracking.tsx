import type { Fulfilment } from '@/server/orders/order-types';
import { orderDate } from './format-order';
import styles from './orders.module.css';

/** Carrier, tracking number and dates, once the warehouse has shipped the order. */
export function OrderTracking({ fulfilment }: { fulfilment: Fulfilment | null }) {
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
            <dd>{fulfilment.trackingNumber}</dd>
          </div>
          <div>
            <dt>Shipped</dt>
            <dd>
              <time dateTime={fulfilment.shippedAt}>{orderDate(fulfilment.shippedAt, true)}</time>
            </dd>
          </div>
          <div>
            <dt>{fulfilment.deliveredAt ? 'Delivered' : 'Estimated delivery'}</dt>
            <dd>
              <time dateTime={fulfilment.deliveredAt ?? fulfilment.estimatedDelivery}>{orderDate(fulfilment.deliveredAt ?? fulfilment.estimatedDelivery)}</time>
            </dd>
          </div>
        </dl>
      ) : (
        <p className={styles.meta}>Not shipped yet. The carrier and tracking number appear here as soon as it leaves the warehouse.</p>
      )}
    </section>
  );
}
