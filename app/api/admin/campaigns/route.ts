import { assertCampaignChoices, createCampaign, createCampaignSchema } from '@/server/campaigns';
import { requireProductEditor } from '@/server/catalog';
import { assertSameOrigin } from '@/server/identity';
import { parseJsonBody, route } from '@/server/platform/http/respond';

// POST /api/admin/campaigns { segment, promotionCode?, subject, message } → 201 Campaign (draft). Marketers only.
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const user = await requireProductEditor(req);
  const input = await assertCampaignChoices(user, await parseJsonBody(req, createCampaignSchema));
  const campaign = await createCampaign(input, user.email || user.id);
  return Response.json(campaign, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
