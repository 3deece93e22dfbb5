import { assertSameOrigin, confirmAccount, confirmBody } from '@/server/identity';
import { parseJsonBody, route } from '@/server/http/respond';

export const POST = route(async (req) => {
  assertSameOrigin(req);
  const body = await parseJsonBody(req, confirmBody);
  await confirmAccount(body);
  return Response.json({ status: 'CONFIRMED' });
});
