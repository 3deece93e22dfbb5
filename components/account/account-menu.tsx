import Link from 'next/link';
import { getSessionUser } from '@/server/identity';
import styles from './account-forms.module.css';
import { SignOutButton } from './sign-out-button';

// The header's account corner, rendered on the server from the verified session: a sign-in link, or the shopper's
// name and a sign-out button (the only client part).

export async function AccountMenu() {
  const user = await getSessionUser();
  if (!user) return <Link href="/sign-in">Sign in</Link>;
  return (
    <span className={styles.account}>
      <span className={styles.accountName}>
        <span className="visually-hidden">Signed in as </span>
        {user.name}
      </span>
      <Link href="/account">Your account</Link>
      <SignOutButton />
    </span>
  );
}
