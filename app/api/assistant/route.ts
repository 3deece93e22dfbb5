import { askAssistant, assistantBodySchema } from '@/server/assistant';
import { AppError } from '@/server/errors';
import { isEnabled } from '@/server/flags';
import { parseJsonBody, route } from '@/server/http/respond';
import { assertSameOrigin, getSessionUserFromRequest } from '@/server/identity';

// POST /api/assistant { text, sessionId? } → { reply, intent, sessionId, products?, orders?, stores? }
export const POST = route(async (req) => {
  // Cookie-authenticated (order status reads the session): a foreign page must not ask on the shopper's behalf.
  assertSameOrigin(req);
  if (!(await isEnabled('chat-assistant'))) throw new AppError('NOT_FOUND', 'Not found.');
  const body = await parseJsonBody(req, assistantBodySchema, 4 * 1024);
  const user = await getSessionUserFromRequest(req);
  return Response.json(await askAssistant(body, user));
});
