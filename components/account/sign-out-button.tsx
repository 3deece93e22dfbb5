'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import styles from './account-forms.module.css';

// Signing out is a POST (a link would let any page sign shoppers out with an <img>). The route clears the httpOnly
// cookies; refreshing re-renders the server components, so the header and any protected page follow.

export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function signOut() {
    setPending(true);
    try {
      await fetch('/api/auth/sign-out', { method: 'POST', credentials: 'same-origin' });
    } finally {
      setPending(false);
      router.refresh();
    }
  }

  return (
    <button type="button" className={styles.linkButton} onClick={signOut} disabled={pending}>
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
