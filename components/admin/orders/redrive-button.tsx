'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiRequest } from '@/components/api/api-request';
import styles from '@/components/orders/orders.module.css';

// Sends every dead letter back to the warehouse queue, then re-reads the list from the server.
export function RedriveButton({ count }: { count: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  const redrive = async () => {
    setBusy(true);
    setError('');
    const res = await apiRequest<{ moved: number }>('/api/admin/dead-letters/redrive', { method: 'POST' });
    setBusy(false);
    if (!res.ok) return setError(res.message);
    setMessage(`${res.data.moved} ${res.data.moved === 1 ? 'message' : 'messages'} sent back to the warehouse queue.`);
    router.refresh();
  };

  return (
    <>
      <div className={styles.actions}>
        <button type="button" className="button" onClick={redrive} disabled={busy || count === 0}>
          {busy ? 'Sending back…' : 'Redrive all to the warehouse queue'}
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
    </>
  );
}
