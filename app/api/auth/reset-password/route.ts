import { parseJsonBody, route } from '@/server/http/respond';
import { assertSameOrigin, resetPassword, resetPasswordBody } from '@/server/identity';

export const POST = route(async (req) => {
  assertSameOrigin(req);
  const body = await parseJsonBody(req, resetPasswordBody);
  await resetPassword(body);
  return Response.json({ status: 'PASSWORD_RESET' });
});
