import type { Metadata } from 'next';
import Link from 'next/link';
import { staffUser } from '@/app/admin/staff-access';
import { HOLD_OUTCOMES, HoldReview, RiskReasons } from '@/components/admin/orders/hold-review';
import { orderDate } from '@/components/orders/format-order';
import styles from '@/components/orders/orders.module.css';
import { OPERATIONS_GROUP } from '@/server/identity';
import { listHeldOrders } from '@/server/orders';
import { formatMoney } from '@/server/platform/money';
import { approveHold, rejectHold } from './actions';

// /admin/orders/holds: the fraud review queue (docs/fraud.md), oldest first, each hold with its reasons, its
// expiry and the two decisions. The page checks the session and group itself, and so does every action.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Orders held for review', robots: { index: false, follow: false } };

export default async function HeldOrdersPage({ searchParams }: { searchParams: Promise<{ outcome?: string; order?: string }> }) {
  const { denied } = await staffUser(OPERATIONS_GROUP, '/admin/orders/holds', 'the operations console');
  if (denied) return denied;
  const query = await searchParams;
  const outcome = HOLD_OUTCOMES[query.outcome ?? ''];
  const holds = await listHeldOrders(100);
  return (
    <>
      <p>
        <Link href="/admin/orders">All orders</Link>
      </p>
      <h1>Orders held for review</h1>
      {outcome ? <p role="status">{query.order ? `Order ${query.order}: ${outcome}` : outcome}</p> : null}
      {holds.length === 0 ? (
        <p>No orders are on hold.</p>
      ) : (
        <ul aria-label="Held orders">
          {holds.map((o) => (
            <li key={o.id} className={styles.section}>
              <h2>
                <Link href={`/admin/orders/${encodeURIComponent(o.id)}`}>Order {o.id}</Link>
              </h2>
              <p className={styles.meta}>
                {o.email || 'no email'} · {formatMoney(o.total)} · placed {orderDate(o.createdAt, true)}
                {o.holdExpiresAt ? ` · released automatically ${orderDate(o.holdExpiresAt, true)}` : ''}
              </p>
              <RiskReasons risk={o.risk} />
              <HoldReview orderId={o.id} approve={approveHold} reject={rejectHold} back="holds" />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
