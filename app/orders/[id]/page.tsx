import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { ConfirmOrderAction } from '@/components/orders/confirm-order-action';
import { LiveOrderStatus } from '@/components/orders/live-order-status';
import { LocalTime } from '@/components/orders/local-time';
import { OrderDetail } from '@/components/orders/order-detail';
import { OrderProgress } from '@/components/orders/order-progress';
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

/** The last moment a return may be asked for, or null when this order cannot be returned now (or has nothing left). */
function returnDeadline(order: Order, now = Date.now()): Date | null {
  if ((order.status !== 'DELIVERED' && order.status !== 'PARTIALLY_RETURNED') || !order.fulfilment?.deliveredAt) return null;
  if (order.items.every((i) => i.returnedQuantity >= i.quantity)) return null;
  const deadline = new Date(Date.parse(order.fulfilment.deliveredAt) + RETURN_WINDOW_MS);
  return deadline.getTime() > now ? deadline : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // The number when the URL has one; an id is not worth a read for a title.
  const { id } = await params;
  return { title: id.startsWith('ord_') ? 'Your order' : `Order ${id}`, robots: { index: false } };
}

/** What the shopper does with a requested return: its number, the label and where to take the parcel. */
function ReturnInstructions({ order, labelHref }: { order: Order; labelHref: string }) {
  const r = order.returnRequest;
  if (!r) return null;
  const open = order.status === 'RETURN_REQUESTED';
  const count = r.lines.reduce((n, l) => n + l.quantity, 0);
  return (
    <section className={`${styles.section} ${styles.returnBox}`} aria-labelledby="return-heading">
      <h2 id="return-heading">Return {r.number ?? ''}</h2>
      {open ? (
        <>
          <p>
            You asked on <LocalTime iso={r.requestedAt} withTime={false} /> to return {count} {count === 1 ? 'item' : 'items'}. To send{' '}
            {count === 1 ? 'it' : 'them'} back:
          </p>
          <ol>
            <li>Pack the items securely, in their original packaging if you still have it.</li>
            <li>
              <Link href={labelHref}>Print your return label</Link> and stick it on the parcel (the return number must show).
            </li>
            <li>Drop the parcel at any {order.fulfilment?.carrier.split(' from ')[0] ?? 'carrier'} location within 14 days.</li>
          </ol>
          <p className={styles.meta}>We refund the items to your card as soon as the warehouse has them, and email you then.</p>
        </>
      ) : (
        <p>
          Received. The refund for this return is listed under Totals. <Link href={labelHref}>See the return label</Link>
        </p>
      )}
    </section>
  );
}

export default async function OrderPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const user = await getSessionUser();
  // The owner's order, or a guest's by its cookie or the email link (server/guest-orders): anyone else's is a plain
  // 404, never a hint that it exists. Without a session or any guest credential, sign in as before. `id` may be
  // the order id or its number.
  const access = await resolveOrderAccess(id, { user, purpose: 'read', linkToken: query.access });
  if (!access) {
    if (!user && !query.access) redirect(`/sign-in?${new URLSearchParams({ next: `/orders/${id}` })}`);
    notFound();
  }
  const { order, via } = access;
  // The thank-you belongs to the moment of placing: once the order moves on (or is cancelled) the page just tells
  // where it is, even when the confirmation URL is opened again.
  const placed = query.placed === '1' && (order.status === 'PLACED' || order.status === 'PROCESSING' || order.status === 'ON_HOLD');
  // The email link only reads (and returns); cancelling takes the session or the guest cookie.
  const cancellable = via !== 'guest-link' && (order.status === 'PLACED' || order.status === 'PROCESSING' || order.status === 'ON_HOLD');
  // Held by fraud screening (docs/fraud.md): the shopper hears only that we are checking, never why.
  const checking = order.status === 'ON_HOLD';
  const returnBy = returnDeadline(order);
  const linkToken = via === 'guest-link' ? query.access : undefined;
  const accessQuery = linkToken ? `?${new URLSearchParams({ access: linkToken })}` : '';
  const labelHref = `/orders/${encodeURIComponent(order.id)}/returns/label${accessQuery}`;

  return (
    <>
      {placed ? (
        <div className={styles.confirm} role="status">
          <h1>Thank you, your order is placed</h1>
          <p>
            Your order number is <strong>{order.number}</strong>. We will email you when it ships.
          </p>
          {checking ? <p>We are checking your order before it goes to the warehouse. This usually takes less than a day; we will email you.</p> : null}
        </div>
      ) : (
        <h1>Order {order.number}</h1>
      )}
      {placed ? <h2>Order {order.number}</h2> : null}
      {checking && !placed ? (
        <p className="notice" role="status">
          We are checking your order before it goes to the warehouse. This usually takes less than a day; we will email you.
        </p>
      ) : null}
      <OrderDetail
        order={order}
        progress={<OrderProgress order={order} />}
        status={<LiveOrderStatus orderId={order.id} initialStatus={order.status} accessToken={linkToken} />}
      />
      <div className={styles.grid}>
        <OrderTracking order={order} />
      </div>
      <ReturnInstructions order={order} labelHref={labelHref} />
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
            <p>Order {order.number} will not be shipped and the hold on your card is released. This cannot be undone.</p>
          </ConfirmOrderAction>
        </section>
      ) : null}
      {returnBy && order.status !== 'RETURN_REQUESTED' ? (
        <ReturnRequestForm
          orderId={order.id}
          accessToken={linkToken}
          returnBy={<LocalTime iso={returnBy.toISOString()} withTime={false} />}
          lines={order.items
            .filter((i) => i.returnedQuantity < i.quantity)
            .map((i) => ({ variantId: i.variantId, name: i.name, quantity: i.quantity - i.returnedQuantity }))}
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
