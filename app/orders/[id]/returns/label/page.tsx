import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import styles from '@/components/orders/orders.module.css';
import { PrintButton } from '@/components/orders/print-button';
import { resolveOrderAccess } from '@/server/guest-orders';
import { getSessionUser } from '@/server/identity';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Return label', robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ access?: string }> };

// The printable label of an order's return (a simulated carrier's prepaid label): who may read the order may print
// its label — the owner, or a guest by cookie or the signed email link — and nobody else learns it exists.

const RETURNS_ADDRESS = ['Trail & Table Returns', '500 Warehouse Way, Dock 4', 'Reno, NV 89502', 'US'];

export default async function ReturnLabelPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { access: linkToken } = await searchParams;
  const user = await getSessionUser();
  const access = await resolveOrderAccess(id, { user, purpose: 'read', linkToken });
  if (!access) {
    if (!user && !linkToken) redirect(`/sign-in?${new URLSearchParams({ next: `/orders/${id}/returns/label` })}`);
    notFound();
  }
  const { order } = access;
  const r = order.returnRequest;
  if (!r) notFound();
  const a = order.shippingAddress;
  const carrier = order.fulfilment?.carrier.split(' from ')[0] ?? 'Carrier';
  const back = `/orders/${encodeURIComponent(order.id)}${linkToken ? `?${new URLSearchParams({ access: linkToken })}` : ''}`;
  return (
    <>
      <p className={styles.noPrint}>
        <Link href={back}>Back to order {order.number}</Link>
      </p>
      <h1>Return label</h1>
      <div className={styles.label}>
        <p>
          <strong>{carrier} · prepaid return</strong>
        </p>
        <p className={styles.labelCode}>{r.number ?? order.number}</p>
        <div className={styles.grid}>
          <section aria-labelledby="label-from">
            <h2 id="label-from">From</h2>
            <address>
              {a.name}
              <br />
              {a.line1}
              {a.line2 ? `, ${a.line2}` : ''}
              <br />
              {a.city}, {a.region} {a.postalCode}
              <br />
              {a.country}
            </address>
          </section>
          <section aria-labelledby="label-to">
            <h2 id="label-to">To</h2>
            <address>
              {RETURNS_ADDRESS.map((line) => (
                <span key={line}>
                  {line}
                  <br />
                </span>
              ))}
            </address>
          </section>
        </div>
        <h2>In this parcel</h2>
        <ul>
          {r.lines.map((l) => {
            const line = order.items.find((i) => i.variantId === l.variantId && (!l.productId || i.productId === l.productId));
            return (
              <li key={`${l.productId ?? ''}:${l.variantId}`}>
                {l.quantity} × {line?.name ?? l.variantId}
              </li>
            );
          })}
        </ul>
        <p>Order {order.number}</p>
      </div>
      <p className={styles.noPrint}>
        <PrintButton label="Print label" />
      </p>
    </>
  );
}
