'use client';

import { useId, useState } from 'react';
import { apiRequest } from '@/components/api/api-request';
import type { PublicReview, ReviewSummary as Summary } from '@/server/reviews/contract';
import { ReviewSummary } from './review-summary';
import styles from './reviews.module.css';

type ReviewsPage = { items: PublicReview[]; summary: Summary; nextCursor: string | null };
const SORTS = [
  { value: 'newest', label: 'Newest first' },
  { value: 'rating-desc', label: 'Highest rated' },
  { value: 'rating-asc', label: 'Lowest rated' },
] as const;

/**
 * Approved reviews with sort and "show more". The first page comes with the (shared, cacheable) page HTML; other
 * sorts and pages are read from the no-store JSON route. Review text is rendered as text, never as markup.
 */
export function ProductReviews({ slug, initial }: { slug: string; initial: ReviewsPage }) {
  const [sort, setSort] = useState<string>('newest');
  const [page, setPage] = useState(initial);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const sortId = useId();

  async function load(nextSort: string, cursor?: string) {
    setBusy(true);
    const query = new URLSearchParams({ sort: nextSort, limit: '5', ...(cursor ? { cursor } : {}) });
    const result = await apiRequest<ReviewsPage>(`/api/products/${encodeURIComponent(slug)}/reviews?${query}`);
    setBusy(false);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setProblem('');
    setPage((prev) => (cursor ? { ...result.data, items: [...prev.items, ...result.data.items] } : result.data));
  }

  return (
    <>
      <ReviewSummary summary={page.summary} />
      {page.summary.count > 0 ? (
        <p>
          <label htmlFor={sortId}>Sort reviews</label>{' '}
          <select
            id={sortId}
            value={sort}
            onChange={(e) => {
              setSort(e.target.value);
              void load(e.target.value);
            }}
          >
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      <ul className={styles.list} aria-label="Reviews" aria-busy={busy}>
        {page.items.map((r) => (
          <li key={r.id} className={styles.review}>
            <article aria-label={r.title}>
              <h3>{r.title}</h3>
              <p className={styles.meta}>
                <span>Rated {r.rating} out of 5</span> · {r.author}
                {r.verifiedPurchase ? ' · Verified purchase' : ''} · <time dateTime={r.createdAt}>{r.createdAt.slice(0, 10)}</time>
              </p>
              <p className={styles.body}>{r.body}</p>
            </article>
          </li>
        ))}
      </ul>
      {problem ? (
        <p role="alert" className={styles.problem}>
          {problem}
        </p>
      ) : null}
      {page.nextCursor ? (
        <button type="button" className="button button--ghost" disabled={busy} onClick={() => void load(sort, page.nextCursor ?? undefined)}>
          Show more reviews
        </button>
      ) : null}
    </>
  );
}
