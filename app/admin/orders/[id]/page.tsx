import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { staffUser } from '@/app/admin/staff-access';
import { HOLD_OUTCOMES, HoldReview, RiskReasons } from '@/components/admin/orders/hold-review';
import { PaymentLedger } from '@/components/admin/orders/payment-ledger';
import { RefundForm } from '@/components/admin/orders/refund-form';
import { ConfirmOrderAction } from '@/components/orders/confirm-order-action';
import { STATUS_LABELS } from '@/components/orders/format-order';
import { OrderDetail } from '@/components/orders/order-detail';
import { OrderTimeline } from '@/components/orders/order-timeline';
import { OrderTracking } from '@/components/orders/order-tracking';
import styles from '@/components/orders/orders.module.css';
import { OPERATIONS_GROUP } from '@/server/identity';
import { findOrderForOperations } from '@/server/orders';
import { money } from '@/server/platform/money';
import { approveHold, rejectHold } from '../holds/actions';

// /admin/orders/[id]: one order as operations works it: timeline, tracking, the payment ledger, cancel and refund.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams?: Promise<{ outcome?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Order ${(await params).id} · Operations`, robots: { index: false, follow: false } };
}

const BY_LABELS = { shopper: 'by the shopper', operations: 'by operations', system: 'by the warehouse' } as const;

export default async function OperationsOrderPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { denied } = await staffUser(OPERATIONS_GROUP, `/admin/orders/${id}`, 'the operations console');
  if (denied) return denied;
  const order = await findOrderForOperations(id);
  const outcome = HOLD_OUTCOMES[(await searchParams)?.outcome ?? ''];
  if (!order) notFound();
  const cancellable = order.status === 'PLACED' || order.status === 'PROCESSING';
  const refundable = money(order.payment.captured.amount - order.payment.refunded.amount, order.payment.captured.currency);

  return (
    <>
      <p>
        <Link href="/admin/orders">All orders</Link>
      </p>
      <h1>Order {order.number}</h1>
      <p className={styles.meta}>Order id {order.id}</p>
      <p className={styles.meta}>{order.email ? `Placed by ${order.email}` : 'The shopper’s email was erased with their account.'}</p>
      <OrderDetail
        order={order}
        status={
          // Read out when a cancel or a refund re-renders the page.
          <p role="status" aria-live="polite">
            Status: <span className={styles.status}>{STATUS_LABELS[order.status]}</span>
          </p>
        }
      />
      {outcome ? <p role="status">{outcome}</p> : null}
      <section className={styles.section} aria-labelledby="fraud-screening">
        <h2 id="fraud-screening">{order.status === 'ON_HOLD' ? 'Held for review' : 'Fraud screening'}</h2>
        <RiskReasons risk={order.risk} />
        {order.status === 'ON_HOLD' ? <HoldReview orderId={order.id} approve={approveHold} reject={rejectHold} back="order" /> : null}
      </section>
      <div className={styles.grid}>
        <OrderTracking order={order} />
        <PaymentLedger payment={order.payment} />
      </div>
      <OrderTimeline timeline={order.timeline} byLabels={BY_LABELS} />
      {cancellable ? (
        <section className={styles.section} aria-labelledby="cancel-order">
          <h2 id="cancel-order">Cancel</h2>
          <ConfirmOrderAction
            action={`/api/admin/orders/${encodeURIComponent(order.id)}/cancel`}
            label="Cancel order"
            title="Cancel this order?"
            confirmLabel="Yes, cancel the order"
          >
            <p>Every line goes back into stock and the card hold is released. The shopper is told by email.</p>
          </ConfirmOrderAction>
        </section>
      ) : null}
      <RefundForm orderId={order.id} refundable={refundable} />
    </>
  );
}
