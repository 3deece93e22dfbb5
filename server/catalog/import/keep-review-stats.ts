import type { ProductRecord } from '../contract';

// A product's rating and review count are its approved reviews' (server/reviews recomputes them on every
// moderation). A catalog file's rating columns therefore only seed a product the table does not have yet: for a
// stored product an import keeps the stored numbers, so a re-import can never put back a rating no review backs.

const REVIEW_STATS = ['rating', 'reviewCount', 'ratingSort', 'reviewStatsAt'] as const;

export function keepReviewStats(next: ProductRecord, stored: Record<string, unknown> | undefined): ProductRecord {
  if (!stored || typeof stored.rating !== 'number' || typeof stored.reviewCount !== 'number') return next;
  const kept: Record<string, unknown> = { ...next };
  for (const key of REVIEW_STATS) if (stored[key] !== undefined) kept[key] = stored[key];
  return kept as ProductRecord;
}
