import { onSignedUp, signUpWithConsentBody } from '@/server/account';
import { assertSameOrigin, signUp } from '@/server/identity';
import { requestAddressBucket } from '@/server/platform/http/client-address';
import { parseJsonBody, route } from '@/server/platform/http/respond';

// 201 { status: 'CONFIRMED' } locally (the stand-in confirms at once) or 'CONFIRMATION_REQUIRED' on AWS, where the
// shopper then posts the emailed code to /api/auth/confirm. Does not sign in: the client posts to sign-in next.
// 409 for an email that has an account; those answers are rate limited per address (429, Retry-After).
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const { marketingConsent, ...body } = await parseJsonBody(req, signUpWithConsentBody);
  const { status, userId } = await signUp({ ...body, address: requestAddressBucket(req) });
  // customer.signed-up, the consent answer, and the welcome once confirmed (server/account).
  await onSignedUp({ userId, email: body.email, name: body.name, confirmed: status === 'CONFIRMED', marketingConsent: marketingConsent === true });
  return Response.json({ status }, { status: 201 });
});
