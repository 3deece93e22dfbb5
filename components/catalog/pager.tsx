import { IntentLink } from '@/components/layout/intent-link';

/** Cursor pagination: forward by cursor, back to the first page (cursors only go forward). */
export function Pager({ firstHref, nextHref }: { firstHref?: string; nextHref?: string }) {
  if (!firstHref && !nextHref) return null;
  return (
    <nav aria-label="Pagination" className="pagination">
      {firstHref ? (
        <IntentLink className="button button--ghost" href={firstHref}>
          ← First page
        </IntentLink>
      ) : null}
      {nextHref ? (
        <IntentLink className="button" href={nextHref} rel="next">
          Next page →
        </IntentLink>
      ) : null}
    </nav>
  );
}
