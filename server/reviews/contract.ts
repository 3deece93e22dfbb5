export type ReviewStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

/** The reviews table item: one per (product, author). Text is stored as written and only ever shown as text. */
export type StoredReview = {
  productId: string;
  authorId: string;
  reviewId: string;
  status: ReviewStatus;
  rating: number;
  title: string;
  body: string;
  /** "Ada L.": what the page shows, never the email. */
  authorName: string;
  createdAt: string;
  moderatedAt?: string;
  moderatedBy?: string;
  rejectReason?: string;
};

/** GET /api/products/[slug]/reviews item (API.md). */
export type PublicReview = { id: string; rating: number; title: string; body: string; author: string; createdAt: string; verifiedPurchase: boolean };

export type ReviewSummary = { average: number; count: number; histogram: Record<'1' | '2' | '3' | '4' | '5', number> };

/** The moderation queue's view. */
export type ModerationReview = PublicReview & {
  productId: string;
  status: ReviewStatus;
  rejectReason: string | null;
  product: { name: string; slug: string } | null;
};
