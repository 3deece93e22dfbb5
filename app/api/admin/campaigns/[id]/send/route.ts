import { after } from 'next/server';
import { readCampaign, sendCampaign } from '@/server/campaigns';
import { requireProductEditor } from '@/server/catalog';
import { assertSameOrigin } from '@/server/identity';
import { AppError } from '@/server/platform/errors';
import { route } from '@/server/platform/http/respond';
import { logger } from '@/server/platform/observability';

// POST /api/admin/campaigns/[id]/send → 202 Campaign; the send runs after the response (poll GET for progress).
// Sending again resumes: recipients already sent to are skipped (server/campaigns/send-campaign.ts).
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  assertSameOrigin(req);
  await requireProductEditor(req);
  const { id } = await ctx.params;
  const campaign = await readCampaign(id.slice(0, 100));
  if (!campaign) throw new AppError('NOT_FOUND', 'There is no such campaign.');
  after(() => sendCampaign(campaign.id).catch((err: unknown) => logger.error('campaign send stopped', { campaignId: campaign.id, err: String(err) })));
  return Response.json(campaign, { status: 202, headers: { 'Cache-Control': 'no-store' } });
});
