'use server';

import { redirect } from 'next/navigation';
import { getSessionUser, hasRole, OPERATIONS_GROUP } from '@/server/identity';
import { isAppError } from '@/server/platform/errors';
import { discardStreamFailure } from '@/server/streams';
import { discardStreamFailureBody } from '@/server/streams/contract';

// Discard one stream failure report as a plain form post (works before hydration), with the same schema and domain
// function as POST /api/admin/dead-letters/stream-failures/discard. The action checks the session and the group
// itself, and the form's required "Yes, …" box again.

const PAGE = '/admin/orders/dead-letters';

export async function discardStreamFailureAction(form: FormData): Promise<void> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?${new URLSearchParams({ next: PAGE })}`);
  if (!hasRole(user, OPERATIONS_GROUP)) redirect(PAGE);
  const parsed = discardStreamFailureBody.safeParse({ messageId: String(form.get('messageId') ?? '') });
  if (!parsed.success) redirect(`${PAGE}?outcome=invalid`);
  if (form.get('confirm') !== 'yes') redirect(`${PAGE}?outcome=unconfirmed`);
  let outcome = 'discarded';
  try {
    await discardStreamFailure(parsed.data.messageId);
  } catch (err) {
    if (!isAppError(err)) throw err;
    outcome = 'gone';
  }
  redirect(`${PAGE}?outcome=${outcome}`);
}
