import { requestAddressBucket } from '@/server/http/client-address';
import { parseJsonBody, route } from '@/server/http/respond';
import { assertSameOrigin, signUp, signUpBody } from '@/server/identity';

// 201 { status: 'CONFIRMED' } locally (the stand-in confirms at once) or 'CONFIRMATION_REQUIRED' on AWS, where the
// shopper then posts the emailed code to /api/auth/confirm. Does not sign in: the client posts to sign-in next.
// 409 for an email that has an account; those answers are rate limited per address (429, Retry-After).
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const body = await parseJsonBody(req, signUpBody);
  const status = await signUp({ ...body, address: requestAddressBucket(req) });
  return Response.json({ status }, { status: 201 });
});
