import { describe, expect, it } from 'vitest';
import type { StoredReview } from './contract';
import { summarise } from './review-summary';

const review = (rating: number, status: StoredReview['status'] = 'APPROVED'): StoredReview => ({
  productId: 'p',
  authorId: `a${Math.random()}`,
  reviewId: 'rev_x',
  status,
  rating,
  title: 't',
  body: 'b',
  authorName: 'A.',
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('summarise', () => {
  it('counts approved reviews only, with an exact one-decimal average and a histogram', () => {
    const s = summarise([review(5), review(4), review(4), review(1, 'PENDING'), review(2, 'REJECTED')]);
    expect(s).toEqual({ average: 4.3, count: 3, histogram: { '1': 0, '2': 0, '3': 0, '4': 2, '5': 1 } });
  });

  it('is zero with no approved review', () => {
    expect(summarise([review(5, 'PENDING')])).toEqual({ average: 0, count: 0, histogram: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } });
  });
});
