import { changeAccountPassword } from '@/server/account';
import { appendSetCookies, assertSameOrigin, changePasswordBody, cookieJarFromRequest, requireUserFromRequest } from '@/server/identity';
import { parseJsonBody, route } from '@/server/platform/http/respond';

// 204 with this session's cookies re-issued (every other session of the shopper is signed out); 400 with the policy
// under newPassword; 403 under currentPassword when it is wrong.
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const user = await requireUserFromRequest(req);
  const body = await parseJsonBody(req, changePasswordBody);
  const cookies = await changeAccountPassword(user, cookieJarFromRequest(req), body);
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  appendSetCookies(headers, cookies);
  return new Response(null, { status: 204, headers });
});
