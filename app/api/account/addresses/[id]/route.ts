import { addressPatchBody, deleteAddress, updateAddress } from '@/server/account';
import { assertSameOrigin, requireUserFromRequest } from '@/server/identity';
import { parseJsonBody, route } from '@/server/platform/http/respond';

type Ctx = { params: Promise<{ id: string }> };

// Looked up under the caller's own user id: another shopper's address id is 404, the same as one that never was.
export const PATCH = route<Ctx>(async (req, ctx) => {
  assertSameOrigin(req);
  const user = await requireUserFromRequest(req);
  const patch = await parseJsonBody(req, addressPatchBody);
  return Response.json(await updateAddress(user.id, (await ctx.params).id, patch), { headers: { 'Cache-Control': 'no-store' } });
});

export const DELETE = route<Ctx>(async (req, ctx) => {
  assertSameOrigin(req);
  const user = await requireUserFromRequest(req);
  await deleteAddress(user.id, (await ctx.params).id);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});
