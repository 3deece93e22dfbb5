'use server';

import type { ReviewFormState } from '@/components/reviews/review-form-state';
import { isAppError } from '@/server/errors';
import { getSessionUser } from '@/server/identity';
import { newReviewSchema, submitReview } from '@/server/reviews';

// The review form's server action: works as a plain form post before hydration. The session is read here, in
// the action's own request, never while rendering the (shared, cached) product page.

export async function writeReview(slug: string, _previous: ReviewFormState, form: FormData): Promise<ReviewFormState> {
  const user = await getSessionUser();
  if (!user) return { status: 'error', code: 'UNAUTHENTICATED', message: 'Sign in to write a review.', fields: {} };
  const parsed = newReviewSchema.safeParse({ rating: Number(form.get('rating') ?? 0), title: form.get('title') ?? '', body: form.get('body') ?? '' });
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      fields[key] ??= issue.message;
    }
    return { status: 'error', code: 'VALIDATION_FAILED', message: 'Please check the review and try again.', fields };
  }
  try {
    await submitReview(user, slug, parsed.data);
    return { status: 'sent', code: null, message: 'Thank you! Your review will appear once our team has checked it.', fields: {} };
  } catch (err) {
    if (!isAppError(err)) throw err;
    return { status: 'error', code: err.code, message: err.message, fields: {} };
  }
}
