import { createCampaignSchema, previewCampaign } from '@/server/campaigns';
import { requireProductEditor } from '@/server/catalog';
import { parseJsonBody, route } from '@/server/http/respond';
import { assertSameOrigin } from '@/server/identity';

// POST /api/admin/campaigns/preview { segment, promotionCode?, subject, message } → { recipients, email }. Marketers only.
export const POST = route(async (req) => {
  assertSameOrigin(req);
  await requireProductEditor(req);
  const preview = await previewCampaign(await parseJsonBody(req, createCampaignSchema));
  return Response.json(preview, { headers: { 'Cache-Control': 'no-store' } });
});
