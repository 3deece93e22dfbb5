import { addAddress, listAddresses, newAddressBody } from '@/server/account';
import { assertSameOrigin, requireUserFromRequest } from '@/server/identity';
import { parseJsonBody, route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

// The caller's own address book: every key is the verified user id, never one from the request.
export const GET = route(async (req) => {
  const user = await requireUserFromRequest(req);
  return Response.json({ items: await listAddresses(user.id) }, { headers: { 'Cache-Control': 'private, no-store' } });
});

export const POST = route(async (req) => {
  assertSameOrigin(req);
  const user = await requireUserFromRequest(req);
  const { address, isDefault } = await parseJsonBody(req, newAddressBody);
  return Response.json(await addAddress(user.id, address, { isDefault }), { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
