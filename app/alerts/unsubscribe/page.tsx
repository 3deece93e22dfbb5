import type { Metadata } from 'next';
import Link from 'next/link';
import { unsubscribe } from './actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Stop product alerts', robots: { index: false, follow: false } };

export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ t?: string; done?: string; invalid?: string }> }) {
  const query = await searchParams;
  return (
    <>
      <h1>Stop product alerts</h1>
      {query.done ? (
        <p role="status">Done: you will get no more alerts for that product.</p>
      ) : query.invalid || !query.t ? (
        <p role="alert">This link is not valid. Alerts end by themselves once they have been sent.</p>
      ) : (
        <form action={unsubscribe}>
          <input type="hidden" name="t" value={query.t} />
          <p>Stop every back-in-stock and price-drop alert for this product?</p>
          <button type="submit" className="button">
            Stop these alerts
          </button>
        </form>
      )}
      <p>
        <Link href="/">Back to the shop</Link>
      </p>
    </>
  );
}
