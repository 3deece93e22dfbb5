import type { Metadata } from 'next';
import Link from 'next/link';
import { staffUser } from '@/app/admin/staff-access';
import styles from '@/components/reviews/reviews.module.css';
import { MARKETERS_GROUP } from '@/server/identity';
import { listReviewsForModeration, type ReviewStatus } from '@/server/reviews';
import { approveReview, rejectReview } from './actions';

// /admin/reviews, the moderation queue for marketers: oldest pending first. The page checks the session and group
// itself (ADR 0004), and so does every action and the API.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Review moderation', robots: { index: false, follow: false } };

const OUTCOMES: Record<string, string> = {
  approved: 'Review approved. It now shows on the product page and counts towards the rating.',
  rejected: 'Review rejected.',
  invalid: 'A rejection needs a reason of at least 3 characters.',
  failed: 'That review could not be changed. It may have been removed.',
};
const STATUSES: ReviewStatus[] = ['PENDING', 'APPROVED', 'REJECTED'];

export default async function AdminReviewsPage({ searchParams }: { searchParams: Promise<{ status?: string; outcome?: string }> }) {
  const { denied } = await staffUser(MARKETERS_GROUP, '/admin/reviews', 'review moderation');
  if (denied) return denied;
  const query = await searchParams;
  const status = STATUSES.find((s) => s === query.status) ?? 'PENDING';
  const { items } = await listReviewsForModeration(status, 50);
  const outcome = OUTCOMES[query.outcome ?? ''];
  return (
    <>
      <h1>Review moderation</h1>
      <nav aria-label="Review status">
        <ul className="admin-tabs">
          {STATUSES.map((s) => (
            <li key={s}>
              <Link href={`/admin/reviews?status=${s}`} aria-current={s === status ? 'page' : undefined}>
                {s[0] + s.slice(1).toLowerCase()}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {outcome ? <p role="status">{outcome}</p> : null}
      {items.length === 0 ? (
        <p>No {status.toLowerCase()} reviews.</p>
      ) : (
        <ul className={styles.list} aria-label={`${status[0] + status.slice(1).toLowerCase()} reviews`}>
          {items.map((r) => (
            <li key={r.id} className={styles.review}>
              <article aria-label={r.title}>
                <h2>{r.title}</h2>
                <p className={styles.meta}>
                  {r.product ? <Link href={`/p/${r.product.slug}`}>{r.product.name}</Link> : r.productId} · Rated {r.rating} out of 5 · {r.author} ·{' '}
                  <time dateTime={r.createdAt}>{r.createdAt.slice(0, 16).replace('T', ' ')}</time>
                </p>
                <p className={styles.body}>{r.body}</p>
                {r.rejectReason ? <p>Rejected: {r.rejectReason}</p> : null}
                {status !== 'APPROVED' ? (
                  <form action={approveReview}>
                    <input type="hidden" name="reviewId" value={r.id} />
                    <button type="submit" className="button">
                      Approve “{r.title}”
                    </button>
                  </form>
                ) : null}
                {status !== 'REJECTED' ? (
                  <form action={rejectReview} className={styles.form}>
                    <input type="hidden" name="reviewId" value={r.id} />
                    <label htmlFor={`reason-${r.id}`}>Reason for rejecting</label>
                    <input id={`reason-${r.id}`} type="text" name="reason" required minLength={3} maxLength={500} />
                    <div>
                      <button type="submit" className="button button--ghost">
                        Reject “{r.title}”
                      </button>
                    </div>
                  </form>
                ) : null}
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
