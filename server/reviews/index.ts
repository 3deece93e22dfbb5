import 'server-only';

export type { ReviewStatus } from './contract';
export {
  moderationQueueSchema,
  moderationSchema,
  newReviewSchema,
  reviewIdSchema,
  reviewListQuerySchema,
} from './review-schemas';
// Public entry of the reviews domain (docs/engagement.md): verified-buyer reviews, moderation, and the product
// rating computed from approved reviews.
export {
  anonymiseReviewsOf,
  listProductReviews,
  listReviewsForModeration,
  moderateReview,
  recomputeProductRating,
  submitReview,
} from './reviews';
