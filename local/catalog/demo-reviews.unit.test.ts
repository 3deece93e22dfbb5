import { describe, expect, it } from 'vitest';
import { productIdFromSlug } from '../../server/catalog/import';
import type { StoredReview } from '../../server/reviews/contract';
import { summarise } from '../../server/reviews/review-summary';
import { generateDemoCatalog } from './demo-catalog';
import { withDemoReviews } from './demo-reviews';

describe('demo reviews', () => {
  it('backs every rating with approved reviews whose average and count it is, the same on every run', () => {
    const { rows, reviews } = withDemoReviews(generateDemoCatalog({ count: 120 }));
    expect(withDemoReviews(generateDemoCatalog({ count: 120 })).reviews).toEqual(reviews);
    expect(new Set(reviews.map((r) => r.reviewId)).size).toBe(reviews.length);
    expect(reviews.every((r) => r.status === 'APPROVED' && Number.isInteger(r.rating) && r.rating >= 1 && r.rating <= 5)).toBe(true);
    const byProduct = new Map<string, StoredReview[]>();
    for (const r of reviews) byProduct.set(r.productId, [...(byProduct.get(r.productId) ?? []), r]);
    for (const row of rows) {
      const s = summarise(byProduct.get(productIdFromSlug(row.slug)) ?? []);
      expect({ slug: row.slug, rating: row.rating, reviewCount: row.reviewCount }).toEqual({ slug: row.slug, rating: s.average, reviewCount: s.count });
    }
    expect(rows.filter((r) => r.reviewCount > 0).length).toBeGreaterThan(80);
  });
});
