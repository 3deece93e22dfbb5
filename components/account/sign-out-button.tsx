'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { apiRequest } from '@/components/api/api-request';
import { announceShopperChange } from '@/components/shopper/shopper-context';
import styles from './account-forms.module.css';

// Signing out is a POST (a link would let any page sign shoppers out with an <img>). It is a real form, so it
// works before this island hydrates (the route answers a form post with a redirect home); once hydrated it posts
// with fetch and refreshes the server components in place, so the header and any protected page follow.

export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function signOut(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    // Whatever the answer, refresh: the server components show whether the session is still there.
    await apiRequest('/api/auth/sign-out', { method: 'POST' });
    setPending(false);
    announceShopperChange();
    router.refresh();
  }

  return (
    <form method="post" action="/api/auth/sign-out" onSubmit={signOut} className={styles.inlineForm}>
      <button type="submit" className={`link-button ${styles.linkButton}`} disabled={pending}>
        {pending ? 'Signing out…' : 'Sign out'}
      </button>
    </form>
  );
}
