import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { ConfirmOrderAction } from '@/components/orders/confirm-order-action';
import { orderDate } from '@/components/orders/format-order';
import { LiveOrderStatus } from '@/components/orders/live-order-status';
import { OrderDetail } from '@/components/orders/order-detail';
import { OrderTimeline } from '@/components/orders/order-timeline';
import { OrderTracking } from '@/components/orders/order-tracking';
import styles from '@/components/orders/orders.module.css';
import { ReturnRequestForm } from '@/components/orders/return-request-form';
import { getSessionUser } from '@/server/identity';
import { getOrder, type Order } from '@/server/orders';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ placed?: string }> };

const RETURN_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/** The last moment a return may be asked for, or null when this order cannot be returned now. */
function returnDeadline(order: Order, now = Date.now()): Date | null {
  if (order.status !== 'DELIVERED' || !order.fulfilment?.deliveredAt) return null;
  const deadline = new Date(Date.parse(order.fulfilment.deliveredAt) + RETURN_WINDOW_MS);
  return deadline.getTime() > now ? deadline : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Order ${(await params).id}`, robots: { index: false } };
}

export default async function OrderPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?${new URLSearchParams({ next: `/orders/${id}` })}`);
  // Read by (caller, id): someone else's order is a plain 404, never a hint that it exists.
  const order = await getOrder(user.id, id);
  if (!order) notFound();
  const placed = (await searchParams).placed === '1';
  const cancellable = order.status === 'PLACED' || order.status === 'PROCESSING';
  const returnBy = returnDeadline(order);

  return (
    <>
      {placed ? (
        <div className={styles.confirm} role="status">
          <h1>Thank you, your order is placed</h1>
          <p>
            Order <strong>{order.id}</strong>. We will let you know when it ships.
          </p>
        </div>
      ) : (
        <h1>Order {order.id}</h1>
      )}
      {placed ? <h2>Order {order.id}</h2> : null}
      <OrderDetail order={order} status={<LiveOrderStatus orderId={order.id} initialStatus={order.status} />} />
      <div className={styles.grid}>
        <OrderTracking fulfilment={order.fulfilment} />
      </div>
      <OrderTimeline timeline={order.timeline} />
      {cancellable ? (
        <section className={styles.section} aria-labelledby="cancel-order">
          <h2 id="cancel-order">Changed your mind?</h2>
          <p className={styles.meta}>You can cancel until the order ships. Nothing is charged for a cancelled order.</p>
          <ConfirmOrderAction
            action={`/api/orders/${encodeURIComponent(order.id)}/cancel`}
            label="Cancel order"
            title="Cancel this order?"
            confirmLabel="Yes, cancel the order"
          >
            <p>Order {order.id} will not be shipped and the hold on your card is released. This cannot be undone.</p>
          </ConfirmOrderAction>
        </section>
      ) : null}
      {returnBy ? (
        <ReturnRequestForm
          orderId={order.id}
          returnBy={orderDate(returnBy.toISOString())}
          lines={order.items.map((i) => ({ variantId: i.variantId, name: i.name, quantity: i.quantity }))}
        />
      ) : null}
      <p style={{ marginTop: 24 }}>
        <Link href="/orders">All your orders</Link>
      </p>
    </>
  );
}
