import { parseJsonBody, route } from '@/server/http/respond';
import { assertSameOrigin, forgotPasswordBody, requestPasswordReset } from '@/server/identity';

// Always 200 for a well-formed email, whether or not it has an account, so the form reveals nobody's address.
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const { email } = await parseJsonBody(req, forgotPasswordBody);
  await requestPasswordReset(email);
  return Response.json({ status: 'CODE_SENT' });
});
