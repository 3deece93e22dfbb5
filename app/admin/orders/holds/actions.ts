'use server';

import { redirect } from 'next/navigation';
import { getSessionUser, hasRole, OPERATIONS_GROUP } from '@/server/identity';
import { isOrderId, reviewBody, reviewHeldOrder } from '@/server/orders';
import { isAppError } from '@/server/platform/errors';

// Approve or reject a held order as plain form posts (they work before hydration). The confirmation is the form's
// required "Yes, …" box, checked here again; the action checks the session and the group itself (an action is a
// public POST endpoint whatever page rendered its form). Back to where the form was, with the outcome.

function back(form: FormData, outcome: string, orderId: string): never {
  const to = form.get('back') === 'order' && isOrderId(orderId) ? `/admin/orders/${orderId}` : '/admin/orders/holds';
  redirect(`${to}?${new URLSearchParams({ outcome, order: orderId })}`);
}

async function decide(form: FormData, decision: 'approve' | 'reject'): Promise<never> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?${new URLSearchParams({ next: '/admin/orders/holds' })}`);
  if (!hasRole(user, OPERATIONS_GROUP)) redirect('/admin/orders/holds');
  const orderId = String(form.get('orderId') ?? '');
  const parsed = reviewBody.safeParse({ decision, note: String(form.get('note') ?? '') });
  if (!isOrderId(orderId) || !parsed.success) back(form, 'invalid', orderId);
  if (form.get('confirm') !== 'yes') back(form, 'unconfirmed', orderId);
  let outcome: string = decision === 'approve' ? 'approved' : 'rejected';
  try {
    await reviewHeldOrder(orderId, parsed.data, { by: 'operations', userId: user.id });
  } catch (err) {
    if (!isAppError(err)) throw err;
    outcome = 'failed';
  }
  back(form, outcome, orderId);
}

export async function approveHold(form: FormData): Promise<void> {
  await decide(form, 'approve');
}

export async function rejectHold(form: FormData): Promise<void> {
  await decide(form, 'reject');
}
