import { readCampaign, requestCampaignSend } from '@/server/campaigns';
import { requireProductEditor } from '@/server/catalog';
import { assertSameOrigin } from '@/server/identity';
import { AppError } from '@/server/platform/errors';
import { route } from '@/server/platform/http/respond';

// POST /api/admin/campaigns/[id]/send → 202 Campaign; the send is queued for the campaign function (ADR 0036; poll
// GET for progress). Sending again resumes: recipients already sent to are skipped (server/campaigns/send-campaign.ts).
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  assertSameOrigin(req);
  await requireProductEditor(req);
  const { id } = await ctx.params;
  const campaign = await readCampaign(id.slice(0, 100));
  if (!campaign) throw new AppError('NOT_FOUND', 'There is no such campaign.');
  await requestCampaignSend(campaign.id);
  return Response.json(campaign, { status: 202, headers: { 'Cache-Control': 'no-store' } });
});
