import styles from './cart.module.css';

/** What an optimistic cart edit says: progress to screen readers (polite), a failure to everyone (alert). */
export function CartAnnouncements({ status, error }: { status: string; error: string | null }) {
  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
