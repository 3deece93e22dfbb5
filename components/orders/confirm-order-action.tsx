'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/admin/confirm-dialog';
import { apiRequest } from '@/components/api/api-request';
import styles from './orders.module.css';

// A button that asks first (a modal confirmation), then POSTs to `action` and re-renders the page from the
// server's answer. The shopper's cancel and the operations console's cancel are this one component. Success is
// read out by the page's status region (it changes with the re-render, which also removes this button).

export function ConfirmOrderAction({
  action,
  label,
  title,
  confirmLabel,
  children,
}: {
  action: string;
  label: string;
  title: string;
  confirmLabel: string;
  children: React.ReactNode;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
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
    router.refresh();
  };

  return (
    <>
      <div className={styles.actions}>
        <button type="button" className="button button--ghost" onClick={() => setOpen(true)} disabled={busy}>
          {busy ? 'Working…' : label}
        </button>
      </div>
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
