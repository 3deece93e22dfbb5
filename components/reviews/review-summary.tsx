import type { ReviewSummary as Summary } from '@/server/reviews/contract';
import styles from './reviews.module.css';

/** Average, count and the star histogram of approved reviews. */
export function ReviewSummary({ summary }: { summary: Summary }) {
  if (summary.count === 0) return <p>No reviews yet.</p>;
  return (
    <div className={styles.summary}>
      <p>
        <strong>{summary.average.toFixed(1)} out of 5</strong>
        <br />
        {summary.count === 1 ? '1 review' : `${summary.count} reviews`} from verified buyers
      </p>
      <ul className={styles.histogram} aria-label="Ratings breakdown">
        {(['5', '4', '3', '2', '1'] as const).map((stars) => (
          <li key={stars}>
            <span>{stars} stars</span>
            <meter className={styles.bar} min={0} max={summary.count} value={summary.histogram[stars]} aria-label={`${stars} stars`} />
            <span>{summary.histogram[stars]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
