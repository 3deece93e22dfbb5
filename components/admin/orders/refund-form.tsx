'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';
import { ConfirmDialog } from '@/components/admin/confirm-dialog';
import { apiRequest } from '@/components/api/api-request';
import styles from '@/components/orders/orders.module.css';
import type { Money } from '@/server/platform/money';
import { parseAmount } from './parse-amount';

// A refund of part or all of what was captured. Amounts are typed in dollars and sent in minor units; the server's
// ledger is the judge (409 past captured − refunded), this form only spares an operator the obvious round trip.
// Money leaves on the second step only: a confirmation that restates the amount and the reason the shopper will see.

export function RefundForm({ orderId, refundable }: { orderId: string; refundable: Money }) {
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<{ field: 'amount' | 'reason' | null; text: string } | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<{ cents: number; reason: string; form: HTMLFormElement } | null>(null);
  const max = (refundable.amount / 100).toFixed(2);
  const amountField = useRef<HTMLInputElement>(null);
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const categoryField = useRef<HTMLSelectElement>(null);

  // Uncontrolled fields, read when sent: what an operator typed before the scripts ran is never written over. They
  // have no `name` on purpose: a submit before hydration is a plain GET of this page and must not put the reason
  // in its URL (and the access logs).
  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const amount = amountField.current?.value ?? '';
    const reason = reasonField.current?.value ?? '';
    const cents = parseAmount(amount);
    if (cents === null) return setError({ field: 'amount', text: 'Enter an amount in dollars, such as 12.50.' });
    if (cents > refundable.amount) return setError({ field: 'amount', text: `At most $${max} can be refunded.` });
    if (!reason.trim()) return setError({ field: 'reason', text: 'Say why the money goes back.' });
    setError(null);
    setPending({ cents, reason: reason.trim(), form });
  };

  const send = async () => {
    if (!pending) return;
    const { cents, reason, form } = pending;
    setPending(null);
    setBusy(true);
    setError(null);
    setMessage('');
    const res = await apiRequest(`/api/admin/orders/${encodeURIComponent(orderId)}/refund`, {
      body: { amount: { amount: cents, currency: refundable.currency }, reason, category: categoryField.current?.value ?? 'other' },
    });
    setBusy(false);
    if (!res.ok) return setError({ field: null, text: res.message });
    form.reset();
    setMessage(`Refunded $${(cents / 100).toFixed(2)}.`);
    router.refresh();
  };

  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Refund</h2>
      {refundable.amount === 0 ? (
        <p className={styles.meta}>Nothing can be refunded: no money has been captured yet, or all of it went back.</p>
      ) : (
        <form className={styles.form} onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={`${id}-amount`}>Amount in dollars (at most {max})</label>
            <input
              id={`${id}-amount`}
              type="text"
              inputMode="decimal"
              ref={amountField}
              aria-invalid={error?.field === 'amount' || undefined}
              aria-describedby={error?.field === 'amount' ? `${id}-error` : undefined}
              required
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-category`}>What the shopper is told</label>
            <select id={`${id}-category`} ref={categoryField} defaultValue="goodwill">
              <option value="goodwill">Goodwill refund</option>
              <option value="return">Refund for returned items</option>
              <option value="cancellation">Refund for a cancellation</option>
              <option value="other">Refund</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-reason`}>Reason (staff only, never shown to the shopper)</label>
            <textarea
              id={`${id}-reason`}
              ref={reasonField}
              maxLength={500}
              aria-invalid={error?.field === 'reason' || undefined}
              aria-describedby={error?.field === 'reason' ? `${id}-error` : undefined}
              required
            />
          </div>
          {error ? (
            <p id={`${id}-error`} className={styles.error} role="alert">
              {error.text}
            </p>
          ) : null}
          <div className={styles.actions}>
            <button type="submit" className="button" disabled={busy}>
              {busy ? 'Refunding…' : 'Refund'}
            </button>
          </div>
        </form>
      )}
      <p className={styles.message} role="status">
        {message}
      </p>
      <ConfirmDialog
        open={pending !== null}
        title={pending ? `Refund $${(pending.cents / 100).toFixed(2)}?` : 'Refund?'}
        confirmLabel={pending ? `Refund $${(pending.cents / 100).toFixed(2)}` : 'Refund'}
        onConfirm={send}
        onCancel={() => setPending(null)}
      >
        {pending ? (
          <p>
            ${(pending.cents / 100).toFixed(2)} goes back to the shopper's card, with the reason “{pending.reason}”. This cannot be undone.
          </p>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}
