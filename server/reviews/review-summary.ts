import type { ReviewSummary, StoredReview } from './contract';

/** Average to one decimal (as the catalog stores ratings), count and histogram of approved reviews only. */
export function summarise(reviews: readonly StoredReview[]): ReviewSummary {
  const approved = reviews.filter((r) => r.status === 'APPROVED');
  const histogram: ReviewSummary['histogram'] = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let sum = 0;
  for (const r of approved) {
    histogram[String(r.rating) as keyof ReviewSummary['histogram']]++;
    sum += r.rating;
  }
  const count = approved.length;
  // Integers until the last step: sum × 10 / count rounded, then tenths.
  return { average: count === 0 ? 0 : Math.round((sum * 10) / count) / 10, count, histogram };
}
