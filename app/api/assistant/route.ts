import { askAssistant, assistantBodySchema } from '@/server/assistant';
import { isEnabled } from '@/server/flags';
import { assertSameOrigin, getSessionUserFromRequest } from '@/server/identity';
import { AppError } from '@/server/platform/errors';
import { requestAddressBucket } from '@/server/platform/http/client-address';
import { parseJsonBody, route } from '@/server/platform/http/respond';

// POST /api/assistant { text, sessionId? } → { reply, intent, sessionId, source, products?, orders?, stores?, checkoutUrl? }
export const POST = route(async (req) => {
  // Cookie-authenticated (order status reads the session): a foreign page must not ask on the shopper's behalf.
  assertSameOrigin(req);
  if (!(await isEnabled('chat-assistant'))) throw new AppError('NOT_FOUND', 'Not found.');
  const body = await parseJsonBody(req, assistantBodySchema, 4 * 1024);
  const user = await getSessionUserFromRequest(req);
  return Response.json(await askAssistant(body, user, requestAddressBucket(req)));
});
