'use client';

import { useEffect, useRef, useState } from 'react';
import { apiRequest } from '@/components/api/api-request';

// Checkout's delivery estimate. It reads the address from the form it sits in (city, region, ZIP code) so the
// checkout form needs no new state, and asks /api/stores/delivery-estimate as the shopper types (debounced).

/** The shopper's own store (a cookie set on /stores): where to estimate for before an address is typed. */
export type NearStore = { name: string; place: string };

type Estimate = { from: { name: string }; to: string; minDays: number; maxDays: number; earliest: string; latest: string };

const day = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });

export function DeliveryEstimate({ shippingMethod, near }: { shippingMethod: string; near?: NearStore }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const [address, setAddress] = useState('');
  const [estimate, setEstimate] = useState<Estimate | null>(null);

  useEffect(() => {
    const form = ref.current?.closest('form');
    if (!form) return;
    const read = () => {
      const f = new FormData(form);
      setAddress(
        [f.get('city'), f.get('region'), f.get('postalCode')]
          .map((v) => String(v ?? '').trim())
          .filter(Boolean)
          .join(', '),
      );
    };
    read();
    form.addEventListener('input', read);
    form.addEventListener('change', read);
    return () => {
      form.removeEventListener('input', read);
      form.removeEventListener('change', read);
    };
  }, []);

  // The typed address wins; until there is one, the area of the shopper's own store.
  const nearStore = address.length < 3 && near ? near : null;
  const asked = nearStore ? nearStore.place : address;

  useEffect(() => {
    if (asked.length < 3) return setEstimate(null);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const method = shippingMethod === 'express' ? 'express' : 'standard';
      apiRequest<{ estimate: Estimate | null }>(`/api/stores/delivery-estimate?${new URLSearchParams({ address: asked, method })}`, {
        signal: controller.signal,
      })
        .then((r) => setEstimate(r.ok ? r.data.estimate : null))
        .catch(() => undefined);
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [asked, shippingMethod]);

  return (
    <p ref={ref} role="status" aria-live="polite" className="delivery-estimate">
      {estimate
        ? `Estimated delivery${nearStore ? ` near your store (${nearStore.name})` : ''}: ${day(estimate.earliest)}–${day(estimate.latest)}, shipped from ${estimate.from.name}.`
        : null}
    </p>
  );
}
