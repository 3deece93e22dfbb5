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
import { resolveOrderAccess } from '@/server/guest-orders';
import { getSessionUser } from '@/server/identity';
import type { Order } from '@/server/orders';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ placed?: string; access?: string }> };

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
  const query = await searchParams;
  const user = await getSessionUser();
  // The owner's order, or a guest's by its cookie or the email link (server/guest-orders): anyone else's is a plain
  // 404, never a hint that it exists. Without a session or any guest credential, sign in as before.
  const access = await resolveOrderAccess(id, { user, purpose: 'read', linkToken: query.access });
  if (!access) {
    if (!user && !query.access) redirect(`/sign-in?${new URLSearchParams({ next: `/orders/${id}` })}`);
    notFound();
  }
  const { order, via } = access;
  const placed = query.placed === '1';
  // The email link only reads; cancelling takes the session or the guest cookie, and returns an account.
  const cancellable = via !== 'guest-link' && (order.status === 'PLACED' || order.status === 'PROCESSING');
  const returnBy = via === 'account' ? returnDeadline(order) : null;

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
      <OrderDetail
        order={order}
        status={<LiveOrderStatus orderId={order.id} initialStatus={order.status} accessToken={via === 'guest-link' ? query.access : undefined} />}
      />
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
        {via === 'account' ? (
          <Link href="/orders">All your orders</Link>
        ) : (
          <>
            <Link href={`/sign-up?${new URLSearchParams({ next: '/orders' })}`}>Create an account</Link> or{' '}
            <Link href={`/sign-in?${new URLSearchParams({ next: '/orders' })}`}>sign in</Link> with {order.email || 'your email'} to keep your orders together.{' '}
            <Link href="/orders/lookup">Find another order</Link>
          </>
        )}
      </p>
    </>
  );
}
