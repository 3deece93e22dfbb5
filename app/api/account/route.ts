import { accountPatchBody, deleteAccount, getAccount, updateAccount } from '@/server/account';
import { appendSetCookies, assertSameOrigin, cookieJarFromRequest, deleteAccountBody, requireUserFromRequest } from '@/server/identity';
import { requestAddressBucket } from '@/server/platform/http/client-address';
import { parseJsonBody, route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'private, no-store' };

// Each handler verifies the session itself (middleware's 401 is the first gate only, ADR 0004); mutations refuse a
// foreign Origin first.
export const GET = route(async (req) => {
  const user = await requireUserFromRequest(req);
  return Response.json(await getAccount(user), { headers: NO_STORE });
});

export const PATCH = route(async (req) => {
  assertSameOrigin(req);
  const user = await requireUserFromRequest(req);
  const patch = await parseJsonBody(req, accountPatchBody);
  const { account, cookies } = await updateAccount(user, cookieJarFromRequest(req), patch);
  const res = Response.json(account, { headers: NO_STORE });
  appendSetCookies(res.headers, cookies);
  return res;
});

// 204 with the session cookies cleared; 403 under `password` when it is not the account's.
export const DELETE = route(async (req) => {
  assertSameOrigin(req);
  const user = await requireUserFromRequest(req);
  const { password } = await parseJsonBody(req, deleteAccountBody);
  const cleared = await deleteAccount(user, cookieJarFromRequest(req), { password, address: requestAddressBucket(req) });
  const res = new Response(null, { status: 204, headers: NO_STORE });
  appendSetCookies(res.headers, cleared);
  return res;
});
