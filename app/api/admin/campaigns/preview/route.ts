import { assertCampaignChoices, createCampaignSchema, previewCampaign } from '@/server/campaigns';
import { requireProductEditor } from '@/server/catalog';
import { assertSameOrigin } from '@/server/identity';
import { parseJsonBody, route } from '@/server/platform/http/respond';

// POST /api/admin/campaigns/preview { segment, promotionCode?, subject, message } → { recipients, email }. Marketers only.
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const user = await requireProductEditor(req);
  const preview = await previewCampaign(await assertCampaignChoices(user, await parseJsonBody(req, createCampaignSchema)));
  return Response.json(preview, { headers: { 'Cache-Control': 'no-store' } });
});
