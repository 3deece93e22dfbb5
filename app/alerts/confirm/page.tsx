import type { Metadata } from 'next';
import Link from 'next/link';
import { confirmAlert } from './actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Confirm your alert', robots: { index: false, follow: false } };

// The emailed link of a guest's back-in-stock alert (double opt-in): the GET only asks; the button confirms.
export default async function ConfirmAlertPage({ searchParams }: { searchParams: Promise<{ t?: string; done?: string; invalid?: string }> }) {
  const query = await searchParams;
  return (
    <>
      <h1>Confirm your alert</h1>
      {query.done ? (
        <p role="status">Done: we will email you once when it is back in stock.</p>
      ) : query.invalid || !query.t ? (
        <p role="alert">This link is not valid any more. Ask for the alert again on the product page.</p>
      ) : (
        <form action={confirmAlert}>
          <input type="hidden" name="t" value={query.t} />
          <p>Email this address once when the option is back in stock?</p>
          <button type="submit" className="button">
            Yes, start the alert
          </button>
        </form>
      )}
      <p>
        <Link href="/">Back to the shop</Link>
      </p>
    </>
  );
}
