import { assertSameOrigin, forgotPassword, forgotPasswordBody } from '@/server/identity';
import { requestAddressBucket } from '@/server/platform/http/client-address';
import { parseJsonBody, route } from '@/server/platform/http/respond';

// Always 200 for a well-formed email, whether or not it has an account, so the form reveals nobody's address.
// 429 (Retry-After) past the per-address and per-account request limits (server/identity/attempt-limits.ts).
export const POST = route(async (req) => {
  assertSameOrigin(req);
  const { email } = await parseJsonBody(req, forgotPasswordBody);
  await forgotPassword({ email, address: requestAddressBucket(req) });
  return Response.json({ status: 'CODE_SENT' });
});
