import 'server-only';

export {
  moderationQueueSchema,
  moderationSchema,
  newReviewSchema,
  reviewIdSchema,
  reviewListQuerySchema,
} from './review-schemas';
export type { ReviewStatus } from './review-types';
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
