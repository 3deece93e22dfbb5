import Link from 'next/link';

/** Cursor pagination: forward by cursor, back to the first page (cursors only go forward). */
export function Pager({ firstHref, nextHref }: { firstHref?: string; nextHref?: string }) {
  if (!firstHref && !nextHref) return null;
  return (
    <nav aria-label="Pagination" className="pagination">
      {firstHref ? (
        <Link className="button button--ghost" href={firstHref}>
          ← First page
        </Link>
      ) : null}
      {nextHref ? (
        <Link className="button" href={nextHref} rel="next">
          Next page →
        </Link>
      ) : null}
    </nav>
  );
}
