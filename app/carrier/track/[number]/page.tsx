import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Parcel tracking', robots: { index: false } };

type Props = { params: Promise<{ number: string }> };

// Stands in for the carrier's own tracking site, which the simulated warehouse's tracking numbers cannot reach: the
// order page and the shipping email link here. It knows nothing about orders, as a real carrier's page would not.

export default async function CarrierTrackingPage({ params }: Props) {
  const { number } = await params;
  const tracking = decodeURIComponent(number).slice(0, 40);
  return (
    <>
      <h1>Tracking {tracking}</h1>
      <p>
        This page stands in for the carrier&apos;s tracking site (the local warehouse is simulated). On a live shop this link opens the carrier&apos;s page for
        parcel {tracking}.
      </p>
      <p>The order page shows the delivery as the shop knows it, and updates itself as the parcel moves.</p>
    </>
  );
}
