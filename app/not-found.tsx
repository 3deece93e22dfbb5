import Link from 'next/link';

export default function NotFound() {
  return (
    <section aria-labelledby="nf-title">
      <h1 id="nf-title">We could not find that page</h1>
      <p>It may have moved, or the product is no longer sold.</p>
      <p>
        <Link className="button" href="/">
          Back to the shop
        </Link>{' '}
        <Link className="button button--ghost" href="/search?q=">
          Search the catalog
        </Link>
      </p>
    </section>
  );
}
