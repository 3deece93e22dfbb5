'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiRequest } from '@/components/api/api-request';
import { ConfirmDialog } from '@/components/admin/confirm-dialog';
import styles from './orders.module.css';

// A button that asks first (a modal confirmation), then POSTs to `action` and re-renders the page from the
// server's answer. The shopper's cancel and the operations console's cancel are this one component.

export function ConfirmOrderAction({
  action,
  label,
  title,
  confirmLabel,
  done,
  children,
}: {
  action: string;
  label: string;
  title: string;
  confirmLabel: string;
  /** Read out once the action succeeded. */
  done: string;
  children: React.ReactNode;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  const confirm = async () => {
    setOpen(false);
    setBusy(true);
    setError('');
    const res = await apiRequest(action, { method: 'POST' });
    setBusy(false);
    if (!res.ok) {
      setError(res.message);
      return;
    }
    setMessage(done);
    router.refresh();
  };

  return (
    <>
      <div className={styles.actions}>
        <button type="button" className="button button--ghost" onClick={() => setOpen(true)} disabled={busy}>
          {busy ? 'Working…' : label}
        </button>
      </div>
      <p className={styles.message} role="status">
        {message}
      </p>
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
      <ConfirmDialog open={open} title={title} confirmLabel={confirmLabel} onConfirm={confirm} onCancel={() => setOpen(false)}>
        {children}
      </ConfirmDialog>
    </>
  );
}
