import { assertSameOrigin, requireMarketer } from '@/server/identity';
import { parseJsonBody, route } from '@/server/platform/http/respond';
import { createPromotion, createPromotionSchema, listPromotions } from '@/server/promotions';

// GET /api/admin/promotions → { promotions: Promotion[] } (with redemptions); POST creates one → 201 Promotion,
// 409 CONFLICT when the code exists, 400 VALIDATION_FAILED with details per field. Marketers only, checked here.
export const GET = route(async (req) => {
  const user = await requireMarketer(req);
  return Response.json({ promotions: await listPromotions(user) }, { headers: { 'Cache-Control': 'private, no-store' } });
});

export const POST = route(async (req) => {
  assertSameOrigin(req);
  const user = await requireMarketer(req);
  const input = await parseJsonBody(req, createPromotionSchema);
  return Response.json(await createPromotion(user, input), { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
