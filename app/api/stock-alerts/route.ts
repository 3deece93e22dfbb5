import { stockAlertSchema, subscribeToRestock } from '@/server/alerts';
import { assertSameOrigin, getSessionUser } from '@/server/identity';
import { requestAddressBucket } from '@/server/platform/http/client-address';
import { parseJsonBody, route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

// POST { productId, variantId, email? } → 201 { subscribed: true, confirmationRequired }. Signed in: the account's
// address, active at once; guests give one, and their alert starts only once the emailed link is confirmed.
// 409 when the variant is in stock now; asking twice keeps one subscription; 429 past the guest limits.
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const input = await parseJsonBody(req, stockAlertSchema);
  const { confirmationRequired } = await subscribeToRestock(await getSessionUser(), input, requestAddressBucket(req));
  return Response.json({ subscribed: true, confirmationRequired }, { status: 201, headers: { 'Cache-Control': 'private, no-store' } });
});
