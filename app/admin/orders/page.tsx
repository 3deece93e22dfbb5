import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { staffUser } from '@/app/admin/staff-access';
import styles from '@/components/admin/orders/operations.module.css';
import { OperationsOrdersTable } from '@/components/admin/orders/operations-orders-table';
import { OrdersSearchForm } from '@/components/admin/orders/orders-search-form';
import ordersStyles from '@/components/orders/orders.module.css';
import { OPERATIONS_GROUP } from '@/server/identity';
import { ORDER_STATUSES, operationsOrdersQuery, searchOrders } from '@/server/orders';
import { isAppError } from '@/server/platform/errors';

// /admin/orders: every shopper's orders for the operations group, searched by order id or email and filtered by
// status, a page at a time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Orders', robots: { index: false, follow: false } };

const PAGE_SIZE = 25;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OperationsOrdersPage({ searchParams }: Props) {
  const { denied } = await staffUser(OPERATIONS_GROUP, '/admin/orders', 'the operations console');
  if (denied) return denied;
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v.at(-1) : v]));
  const parsed = operationsOrdersQuery.safeParse({ ...raw, limit: String(PAGE_SIZE) });
  const query = parsed.success ? parsed.data : operationsOrdersQuery.parse({ limit: String(PAGE_SIZE) });
  const filters = { ...(query.q ? { q: query.q } : {}), ...(query.status ? { status: query.status } : {}) };

  let page: Awaited<ReturnType<typeof searchOrders>>;
  try {
    page = await searchOrders(query);
  } catch (err) {
    // A stale or edited cursor: the first page of the same search.
    if (isAppError(err) && err.code === 'INVALID_CURSOR') redirect(`/admin/orders?${new URLSearchParams(filters)}`);
    throw err;
  }

  return (
    <>
      <h1>Orders</h1>
      <nav className={styles.nav} aria-label="Operations">
        <Link href="/admin/orders/dead-letters">Dead-letter queue</Link>
        <Link href="/admin/orders/holds">Held for review</Link>
      </nav>
      <OrdersSearchForm q={query.q ?? ''} status={query.status} statuses={ORDER_STATUSES} />
      {parsed.success ? null : (
        <p className="notice" role="alert">
          That search could not be read; showing every order instead.
        </p>
      )}
      {page.items.length === 0 ? (
        <p>{query.q || query.status ? 'No orders match this search.' : 'No orders yet.'}</p>
      ) : (
        <OperationsOrdersTable orders={page.items} />
      )}
      <nav className={ordersStyles.pager} aria-label="Order pages">
        {query.cursor ? <Link href={`/admin/orders?${new URLSearchParams(filters)}`}>First page</Link> : <span />}
        {page.nextCursor ? <Link href={`/admin/orders?${new URLSearchParams({ ...filters, cursor: page.nextCursor })}`}>Next page</Link> : null}
      </nav>
    </>
  );
}
