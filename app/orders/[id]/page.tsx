import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { OrderDetail } from '@/components/orders/order-detail';
import styles from '@/components/orders/orders.module.css';
import { getSessionUser } from '@/server/identity';
import { getOrder } from '@/server/orders';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ placed?: string }> };

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
      <OrderDetail order={order} />
      <p style={{ marginTop: 24 }}>
        <Link href="/orders">All your orders</Link>
      </p>
    </>
  );
}
