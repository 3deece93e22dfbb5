import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { getConfig } from '../config';
import type { SessionUser } from '../identity';
import { withBudget } from '../resilience';
import { fulfil } from './fulfil';
import { recognizeTextLex } from './lex-adapter';
import { parseIntent } from './parse-intent';
import type { AssistantReply, Recognition } from './types';

// Public entry of the assistant domain. Lex recognises when a bot is configured and answers within the budget;
// the local rule-based parser recognises otherwise. Either way fulfilment runs here, through server/.

export type { AssistantReply } from './types';

export const assistantBodySchema = z.object({
  text: z.string().trim().min(1).max(500),
  // Lex session ids: 2–100 of [0-9a-zA-Z._:-].
  sessionId: z
    .string()
    .regex(/^[0-9A-Za-z._:-]{2,100}$/)
    .optional(),
});
export type AssistantBody = z.infer<typeof assistantBodySchema>;

async function recognise(text: string, sessionId: string): Promise<Recognition> {
  const { LEX_BOT_ID, LEX_BOT_ALIAS_ID, LEX_LOCALE_ID, AI_SERVICE_BUDGET_MS } = getConfig();
  const local = (): Recognition => ({ ...parseIntent(text), source: 'local' });
  if (!LEX_BOT_ID || !LEX_BOT_ALIAS_ID) return local();
  const bot = { botId: LEX_BOT_ID, botAliasId: LEX_BOT_ALIAS_ID, localeId: LEX_LOCALE_ID };
  const outcome = await withBudget(
    'lex',
    async (signal): Promise<Recognition> => ({ ...(await recognizeTextLex(bot, sessionId, text, signal)), source: 'lex' }),
    AI_SERVICE_BUDGET_MS,
    local,
  );
  return outcome.value;
}

/** Answers one chat message for `user` (null when signed out). */
export async function askAssistant(body: AssistantBody, user: SessionUser | null): Promise<AssistantReply> {
  const sessionId = body.sessionId ?? randomUUID();
  const recognition = await recognise(body.text, sessionId);
  const answer = await fulfil(recognition, user);
  return { ...answer, intent: recognition.intent, sessionId, source: recognition.source };
}
