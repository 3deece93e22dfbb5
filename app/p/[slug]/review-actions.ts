'use server';

import type { ReviewFormState } from '@/components/reviews/review-form-state';
import { getSessionUser } from '@/server/identity';
import { isAppError } from '@/server/platform/errors';
import { newReviewSchema, submitReview } from '@/server/reviews';

// The review form's server action: works as a plain form post before hydration. The session is read here, in
// the action's own request, never while rendering the (shared, cached) product page.

export async function writeReview(slug: string, _previous: ReviewFormState, form: FormData): Promise<ReviewFormState> {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : '';
  };
  // Handed back with every error, so nothing the shopper typed is lost.
  const values = { rating: text('rating'), title: text('title'), body: text('body') };
  const user = await getSessionUser();
  if (!user) return { status: 'error', code: 'UNAUTHENTICATED', message: 'Sign in to write a review.', fields: {}, values };
  const parsed = newReviewSchema.safeParse({ rating: Number(values.rating || 0), title: values.title, body: values.body });
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      fields[key] ??= issue.message;
    }
    return { status: 'error', code: 'VALIDATION_FAILED', message: 'Please check the review and try again.', fields, values };
  }
  try {
    await submitReview(user, slug, parsed.data);
    return { status: 'sent', code: null, message: 'Thank you! Your review will appear once our team has checked it.', fields: {} };
  } catch (err) {
    if (!isAppError(err)) throw err;
    return { status: 'error', code: err.code, message: err.message, fields: {}, values };
  }
}
