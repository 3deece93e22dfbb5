import { assertSameOrigin, resetForgottenPassword, resetPasswordBody } from '@/server/identity';
import { requestAddressBucket } from '@/server/platform/http/client-address';
import { parseJsonBody, route } from '@/server/platform/http/respond';

// 400 under `code` for a wrong code, and for every try once 5 wrong ones voided it; 429 past the address limits.
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const body = await parseJsonBody(req, resetPasswordBody);
  await resetForgottenPassword({ ...body, address: requestAddressBucket(req) });
  return Response.json({ status: 'PASSWORD_RESET' });
});
