'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { apiRequest } from '@/components/api/api-request';
import styles from './orders.module.css';

// Asks for the return of delivered lines: how many of each, and why. The server decides what may come back (the
// 30 days, no more than was bought); this form only keeps the obvious mistakes from a round trip.

/** `quantity`: the units still returnable (bought less already returned). */
export type ReturnableLine = { variantId: string; name: string; quantity: number };

export function ReturnRequestForm({
  orderId,
  lines,
  returnBy,
  accessToken,
}: {
  orderId: string;
  lines: ReturnableLine[];
  returnBy: React.ReactNode;
  /** A guest who came through the signed email link proves access with it (the page's `access` parameter). */
  accessToken?: string;
}) {
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Read from the form, not from state: what was chosen before hydration counts too.
    const form = new FormData(event.currentTarget);
    const reason = String(form.get('reason') ?? '');
    const chosen = lines.map((l) => ({ variantId: l.variantId, quantity: Number(form.get(`quantity-${l.variantId}`) ?? 0) })).filter((l) => l.quantity > 0);
    if (chosen.length === 0) return setError('Choose at least one item to return.');
    if (!reason.trim()) return setError('Tell us why you are returning it.');
    setBusy(true);
    setError('');
    const query = accessToken ? `?${new URLSearchParams({ access: accessToken })}` : '';
    const res = await apiRequest(`/api/orders/${encodeURIComponent(orderId)}/returns${query}`, { body: { lines: chosen, reason: reason.trim() } });
    setBusy(false);
    if (!res.ok) return setError(res.message);
    router.refresh();
  };

  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Return items</h2>
      <p className={styles.meta}>
        You can ask for a return until {returnBy}. Once you ask, this page gives you a return number and a printable label; the refund goes to your card when
        the warehouse has the items.
      </p>
      <form className={styles.form} onSubmit={submit} noValidate>
        {lines.map((line) => (
          <div className="field" key={line.variantId}>
            <label htmlFor={`${id}-${line.variantId}`}>Quantity to return of {line.name}</label>
            <select id={`${id}-${line.variantId}`} name={`quantity-${line.variantId}`} defaultValue={0}>
              {Array.from({ length: line.quantity + 1 }, (_, n) => n).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason for the return</label>
          <textarea id={`${id}-reason`} name="reason" maxLength={500} required />
        </div>
        {error ? (
          <p className={styles.error} role="alert">
            {error}
          </p>
        ) : null}
        <div className={styles.actions}>
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Sending…' : 'Request return'}
          </button>
        </div>
      </form>
    </section>
  );
}
