'use server';

import { redirect } from 'next/navigation';
import { getSessionUser, hasRole, MARKETERS_GROUP } from '@/server/identity';
import { isAppError } from '@/server/platform/errors';
import { moderateReview, moderationSchema, reviewIdSchema } from '@/server/reviews';

// Moderation as plain form posts (they work before hydration). Every action checks the session and the group
// itself: an action is a public POST endpoint whatever page rendered its form.

async function moderate(form: FormData, change: unknown): Promise<never> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?${new URLSearchParams({ next: '/admin/reviews' })}`);
  if (!hasRole(user, MARKETERS_GROUP)) redirect('/admin/reviews');
  const id = reviewIdSchema.safeParse(form.get('reviewId'));
  const parsed = moderationSchema.safeParse(change);
  if (!id.success || !parsed.success) redirect('/admin/reviews?outcome=invalid');
  let outcome = parsed.data.status === 'APPROVED' ? 'approved' : 'rejected';
  try {
    await moderateReview(user, id.data, parsed.data);
  } catch (err) {
    if (!isAppError(err)) throw err;
    outcome = 'failed';
  }
  redirect(`/admin/reviews?outcome=${outcome}`);
}

export async function approveReview(form: FormData): Promise<void> {
  await moderate(form, { status: 'APPROVED' });
}

export async function rejectReview(form: FormData): Promise<void> {
  await moderate(form, { status: 'REJECTED', reason: form.get('reason') });
}
