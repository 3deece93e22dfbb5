'use server';

import { redirect } from 'next/navigation';
import { campaignToSend, requestCampaignSend } from '@/server/campaigns';
import { getSessionUser } from '@/server/identity';
import { isAppError } from '@/server/platform/errors';
import { type CampaignFormState, submitCampaignForm } from './campaign-form';

// The /admin/campaigns server actions. Each checks the verified session itself (a server action is a public
// endpoint); the campaigns domain checks the group. Both work as plain form posts before the page hydrates.

export async function campaignFormAction(previous: CampaignFormState, form: FormData): Promise<CampaignFormState> {
  const user = await getSessionUser();
  if (!user) return { ...previous, step: 'edit', problems: [{ message: 'Your session has ended. Sign in again to continue.' }] };
  let next: CampaignFormState;
  try {
    next = await submitCampaignForm(user, form);
  } catch (err) {
    if (isAppError(err) && err.status < 500) return { ...previous, step: 'edit', problems: [{ message: err.message }] };
    throw err;
  }
  if (next.step === 'created' && next.campaignId) redirect(`/admin/campaigns/${encodeURIComponent(next.campaignId)}?created=1`);
  return next;
}

/** The Send button: queues (or resumes) the send for the campaign function, as POST /api/admin/campaigns/[id]/send does. */
export async function sendCampaignAction(form: FormData): Promise<void> {
  const id = String(form.get('campaignId') ?? '');
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?${new URLSearchParams({ next: `/admin/campaigns/${encodeURIComponent(id)}` })}`);
  const campaign = await campaignToSend(user, id).catch((err: unknown) => {
    if (isAppError(err) && err.status < 500) redirect('/admin/campaigns');
    throw err;
  });
  await requestCampaignSend(campaign.id);
  redirect(`/admin/campaigns/${encodeURIComponent(campaign.id)}?sending=1`);
}
