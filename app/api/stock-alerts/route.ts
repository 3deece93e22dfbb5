import { stockAlertSchema, subscribeToRestock } from '@/server/alerts';
import { requestAddressBucket } from '@/server/http/client-address';
import { parseJsonBody, route } from '@/server/http/respond';
import { assertSameOrigin, getSessionUser } from '@/server/identity';

export const dynamic = 'force-dynamic';

// POST { productId, variantId, email? } → 201 { subscribed: true }. Signed in: the account's address; guests give one.
// 409 when the variant is in stock now; asking twice keeps one subscription; 429 past the guest limits.
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const input = await parseJsonBody(req, stockAlertSchema);
  await subscribeToRestock(await getSessionUser(), input, requestAddressBucket(req));
  return Response.json({ subscribed: true }, { status: 201, headers: { 'Cache-Control': 'private, no-store' } });
});
