import type { ProductRecord } from '../types';

// Once a product has reviews, its rating and review count are the reviews' (server/reviews recomputes them on
// every moderation and stamps `reviewStatsAt`). A catalog file's rating columns must not overwrite them, so an
// import keeps the stored numbers for such products; the file's numbers only seed products nobody reviewed yet.

const REVIEW_STATS = ['rating', 'reviewCount', 'ratingSort', 'reviewStatsAt'] as const;

export function keepReviewStats(next: ProductRecord, stored: Record<string, unknown> | undefined): ProductRecord {
  if (!stored || typeof stored.reviewStatsAt !== 'string') return next;
  const kept: Record<string, unknown> = { ...next };
  for (const key of REVIEW_STATS) kept[key] = stored[key];
  return kept as ProductRecord;
}
