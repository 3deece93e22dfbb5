import { z } from 'zod';

// Limits on what a shopper may write. Plain text: markup is not stripped but stored as typed and rendered inert
// (React text, JSON-LD escaped), so "<b>great</b>" shows as those characters. Control characters other than
// newlines and tabs are refused: they have no business in a review and confuse moderators' screens.

export const REVIEW_TITLE_MAX = 120;
export const REVIEW_BODY_MAX = 4000;
/** Any C0 control character except tab, newline and carriage return, or DEL. */
function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) return true;
  }
  return false;
}

const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !hasControlCharacter(s), 'must not contain control characters');

export const newReviewSchema = z.object({
  rating: z.number().int('must be a whole number').min(1, 'must be 1 to 5').max(5, 'must be 1 to 5'),
  title: text(3, REVIEW_TITLE_MAX),
  body: text(10, REVIEW_BODY_MAX),
});
export type NewReview = z.infer<typeof newReviewSchema>;

export const REVIEW_SORTS = ['newest', 'rating-desc', 'rating-asc'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

export const reviewListQuerySchema = z.object({
  sort: z.enum(REVIEW_SORTS).default('newest'),
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const moderationSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('APPROVED') }),
  z.object({ status: z.literal('REJECTED'), reason: text(3, 500) }),
]);
export type Moderation = z.infer<typeof moderationSchema>;

export const moderationQueueSchema = z.object({
  status: z.enum(['PENDING', 'APPROVED', 'REJECTED']).default('PENDING'),
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const reviewIdSchema = z.string().regex(/^rev_[A-Za-z0-9_-]{8,40}$/);
