import 'server-only';

export {
  moderationQueueSchema,
  moderationSchema,
  newReviewSchema,
  REVIEW_BODY_MAX,
  REVIEW_TITLE_MAX,
  reviewIdSchema,
  reviewListQuerySchema,
} from './review-schemas';
export type { ModerationReview, PublicReview, ReviewStatus, ReviewSummary } from './review-types';
// Public entry of the reviews domain (docs/engagement.md): verified-buyer reviews, moderation, and the product
// rating computed from approved reviews.
export { listProductReviews, listReviewsForModeration, moderateReview, recomputeProductRating, submitReview } from './reviews';
