'use client';

import { useState } from 'react';
import type { Flag } from '@/server/flags/contract';
import { FlagCard } from './flag-card';
import styles from './flags-admin.module.css';

// The /admin/flags screen: every flag as a card, and one polite live region that reads out what each change did.

export function FlagsAdmin({ initialFlags, ttlSeconds }: { initialFlags: Flag[]; ttlSeconds: number }) {
  const [flags, setFlags] = useState(initialFlags);
  const [message, setMessage] = useState('');

  const onUpdated = (updated: Flag) => setFlags((all) => all.map((f) => (f.key === updated.key ? updated : f)));

  return (
    <>
      <p className={styles.status} role="status" aria-live="polite">
        {message}
      </p>
      <ul className={styles.list} aria-label="Feature flags">
        {flags.map((flag) => (
          <li key={flag.key}>
            <FlagCard flag={flag} ttlSeconds={ttlSeconds} onUpdated={onUpdated} announce={setMessage} />
          </li>
        ))}
      </ul>
    </>
  );
}
