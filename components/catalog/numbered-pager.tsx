import { IntentLink } from '@/components/layout/intent-link';

/** The page numbers to offer: the first, the last, and the current page's neighbours; null marks a gap. */
export function pageWindow(current: number, pages: number): (number | null)[] {
  const wanted = [...new Set([1, current - 1, current, current + 1, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of wanted) {
    const last = out[out.length - 1];
    if (typeof last === 'number' && p - last > 1) out.push(null);
    out.push(p);
  }
  return out;
}

/** "Page 2 of 7" with previous, next and numbered links; `href(n)` keeps every other parameter. */
export function NumberedPager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pagination" className="numbered-pager">
      <p>
        Page {page} of {pages}
      </p>
      <ul>
        {page > 1 ? (
          <li>
            <IntentLink href={href(page - 1)} rel="prev">
              ← Previous<span className="visually-hidden"> page</span>
            </IntentLink>
          </li>
        ) : null}
        {pageWindow(page, pages).map((n, i) =>
          n === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity of their own
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              <IntentLink href={href(n)} aria-current={n === page ? 'page' : undefined} aria-label={`Page ${n}`}>
                {n}
              </IntentLink>
            </li>
          ),
        )}
        {page < pages ? (
          <li>
            <IntentLink href={href(page + 1)} rel="next">
              Next<span className="visually-hidden"> page</span> →
            </IntentLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
