import { readCampaign } from '@/server/campaigns';
import { requireProductEditor } from '@/server/catalog';
import { AppError } from '@/server/platform/errors';
import { route } from '@/server/platform/http/respond';

// GET /api/admin/campaigns/[id] → Campaign with its progress (status, total, sent, skipped, failed). Marketers only.
export const GET = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  await requireProductEditor(req);
  const { id } = await ctx.params;
  const campaign = await readCampaign(id.slice(0, 100));
  if (!campaign) throw new AppError('NOT_FOUND', 'There is no such campaign.');
  return Response.json(campaign, { headers: { 'Cache-Control': 'private, no-store' } });
});
