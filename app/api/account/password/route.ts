import { changeAccountPassword } from '@/server/account';
import { parseJsonBody, route } from '@/server/http/respond';
import { assertSameOrigin, changePasswordBody, cookieJarFromRequest, requireUserFromRequest } from '@/server/identity';

// 204; 400 with the policy under newPassword; 403 under currentPassword when it is wrong.
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const user = await requireUserFromRequest(req);
  const body = await parseJsonBody(req, changePasswordBody);
  await changeAccountPassword(user, cookieJarFromRequest(req), body);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});
