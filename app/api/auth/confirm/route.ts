import { onSignUpConfirmed } from '@/server/account';
import { assertSameOrigin, confirmBody, confirmSignUp } from '@/server/identity';
import { requestAddressBucket } from '@/server/platform/http/client-address';
import { parseJsonBody, route } from '@/server/platform/http/respond';

// 200, or one 400 under `code` whether the code is wrong or expired, the account already confirmed or not there at
// all (so the form reveals nobody's email); wrong codes are rate limited per address and account (429, Retry-After).
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const body = await parseJsonBody(req, confirmBody);
  await confirmSignUp({ ...body, address: requestAddressBucket(req) });
  await onSignUpConfirmed(body.email);
  return Response.json({ status: 'CONFIRMED' });
});
