import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { OrderList } from '@/components/orders/order-list';
import styles from '@/components/orders/orders.module.css';
import { getSessionUser } from '@/server/identity';
import { listOrders } from '@/server/orders';
import { isAppError } from '@/server/platform/errors';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Your orders', robots: { index: false } };

const PAGE_SIZE = 20;

type Props = { searchParams: Promise<{ cursor?: string | string[] }> };

export default async function OrdersPage({ searchParams }: Props) {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?${new URLSearchParams({ next: '/orders' })}`);
  const raw = (await searchParams).cursor;
  const cursor = typeof raw === 'string' && raw.length > 0 ? raw : undefined;

  let page: Awaited<ReturnType<typeof listOrders>>;
  try {
    page = await listOrders(user.id, { limit: PAGE_SIZE, cursor });
  } catch (err) {
    // A stale or edited cursor in the address bar: start again from the newest orders.
    if (isAppError(err) && err.code === 'INVALID_CURSOR') redirect('/orders');
    throw err;
  }

  return (
    <>
      <h1>Your orders</h1>
      {page.items.length === 0 ? (
        <p>
          {cursor ? 'No older orders.' : 'You have not placed any orders yet.'} <Link href="/">Start shopping</Link>
        </p>
      ) : (
        <OrderList orders={page.items} />
      )}
      <nav className={styles.pager} aria-label="Order pages">
        {cursor ? <Link href="/orders">Newest orders</Link> : <span />}
        {page.nextCursor ? <Link href={`/orders?${new URLSearchParams({ cursor: page.nextCursor })}`}>Older orders</Link> : null}
      </nav>
    </>
  );
}
