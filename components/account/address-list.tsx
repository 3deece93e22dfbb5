import Link from 'next/link';
import type { SavedAddress } from '@/server/account';
import styles from './account-forms.module.css';

// The saved addresses, each with plain form buttons (server actions): they work before any script has loaded.

type FormAction = (form: FormData) => Promise<void>;

export function formatAddress(a: SavedAddress): string {
  return [a.name, a.line1, a.line2, [a.city, a.region, a.postalCode].filter(Boolean).join(' '), a.country].filter(Boolean).join(', ');
}

export function AddressList({ addresses, makeDefault, remove }: { addresses: SavedAddress[]; makeDefault: FormAction; remove: FormAction }) {
  if (addresses.length === 0) return <p>You have no saved addresses yet.</p>;
  return (
    <ul aria-label="Saved addresses">
      {addresses.map((a) => (
        <li key={a.id}>
          <address>{formatAddress(a)}</address>
          {a.isDefault ? <strong> Default</strong> : null}{' '}
          <Link href={`/account/addresses/${encodeURIComponent(a.id)}`} aria-label={`Edit ${a.line1}`}>
            Edit
          </Link>{' '}
          {a.isDefault ? null : (
            <form action={makeDefault} className={styles.inlineForm}>
              <input type="hidden" name="id" value={a.id} />
              <button type="submit" aria-label={`Make ${a.line1} the default`}>
                Make default
              </button>
            </form>
          )}{' '}
          <form action={remove} className={styles.inlineForm}>
            <input type="hidden" name="id" value={a.id} />
            <button type="submit" aria-label={`Delete ${a.line1}`}>
              Delete
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}
