'use client';

import { IntentLink } from '@/components/layout/intent-link';
import { useShopper } from '@/components/shopper/shopper-context';
import styles from './account-forms.module.css';
import { SignOutButton } from './sign-out-button';

// The header's account corner: a sign-in link, or the shopper's name and a sign-out button. An island (the HTML
// around it is shared by every shopper); until the summary answers it shows the sign-in link, which is right for
// most visitors and harmless for the rest.

export function AccountMenu() {
  const user = useShopper()?.user;
  if (!user) return <IntentLink href="/sign-in">Sign in</IntentLink>;
  return (
    <span className={styles.account}>
      <span className={styles.accountName}>
        <span className="visually-hidden">Signed in as </span>
        {user.name}
      </span>
      {user.staff ? <IntentLink href="/admin">Back office</IntentLink> : null}
      <IntentLink href="/account">Your account</IntentLink>
      <SignOutButton />
    </span>
  );
}
