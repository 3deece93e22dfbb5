import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { SessionUser } from '../identity';
import { getConfig } from '../platform/config';
import { withBudget } from '../platform/resilience';
import { rateLimit } from '../platform/runtime';
import { converseWithTools } from './bedrock-conversation';
import type { AssistantReply, Recognition } from './contract';
import { readConversation, recordTurn } from './conversation-memory';
import { fulfil } from './fulfil';
import { recognizeTextLex } from './lex-adapter';
import { parseIntent } from './parse-intent';

// Public entry of the assistant domain. With BEDROCK_MODEL_ID a model on Bedrock holds the conversation and calls the
// shop's tools (bedrock-conversation.ts), within its budget and caps; otherwise, or when it fails, is over a cap or
// out of time, Lex recognises (when a bot is configured) or the local rule-based parser does, and fulfilment runs
// through the same tools (fulfil.ts).

export type { AssistantReply } from './contract';

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

/** Model-answered messages per conversation in an hour: past it, the local engine answers (a turn cap). */
const BEDROCK_TURNS_PER_SESSION = { points: 30, durationSeconds: 3600 };
/** Per client address, whatever session ids it makes up: the cost cap that rotating sessions cannot escape. */
const BEDROCK_TURNS_PER_CLIENT = { points: 120, durationSeconds: 3600 };
/** Tokens (in + out) one conversation may spend on the model before the local engine takes over. */
export const BEDROCK_TOKENS_PER_SESSION = 60_000;

async function localAnswer(body: AssistantBody, user: SessionUser | null, sessionId: string): Promise<AssistantReply> {
  const recognition = await recognise(body.text, sessionId);
  const answer = await fulfil(recognition, user);
  return { ...answer, intent: recognition.intent, sessionId, source: recognition.source };
}

/** Whether this message may go to the model: within the conversation's token budget and both turn caps. */
async function withinCaps(owner: string | null, sessionId: string, client: string): Promise<boolean> {
  if (readConversation(owner, sessionId).tokens >= BEDROCK_TOKENS_PER_SESSION) return false;
  const perSession = await rateLimit('assistant:bedrock-session', BEDROCK_TURNS_PER_SESSION).take(`${owner ?? 'guest'}:${sessionId}`);
  if (!perSession.allowed) return false;
  return (await rateLimit('assistant:bedrock-client', BEDROCK_TURNS_PER_CLIENT).take(client)).allowed;
}

/**
 * Answers one chat message for `user` (null when signed out). `client` is the caller's address bucket, which the
 * model's per-client cap counts.
 */
export async function askAssistant(body: AssistantBody, user: SessionUser | null, client = 'unknown'): Promise<AssistantReply> {
  const sessionId = body.sessionId ?? randomUUID();
  const { BEDROCK_MODEL_ID, BEDROCK_GUARDRAIL_ID, BEDROCK_GUARDRAIL_VERSION, BEDROCK_BUDGET_MS } = getConfig();
  const owner = user?.id ?? null;
  if (!BEDROCK_MODEL_ID || !(await withinCaps(owner, sessionId, client))) return localAnswer(body, user, sessionId);
  const outcome = await withBudget(
    'bedrock',
    async (signal): Promise<AssistantReply> => {
      const turn = await converseWithTools({
        modelId: BEDROCK_MODEL_ID,
        guardrail: BEDROCK_GUARDRAIL_ID ? { id: BEDROCK_GUARDRAIL_ID, version: BEDROCK_GUARDRAIL_VERSION } : undefined,
        text: body.text,
        history: readConversation(owner, sessionId).messages,
        user,
        signal,
      });
      recordTurn(owner, sessionId, { text: body.text, reply: turn.reply, tokens: turn.usage.inputTokens + turn.usage.outputTokens });
      return {
        reply: turn.reply,
        intent: 'Conversation',
        sessionId,
        source: 'bedrock',
        ...(turn.products.length ? { products: turn.products } : {}),
        ...(turn.orders.length ? { orders: turn.orders } : {}),
        ...(turn.stores.length ? { stores: turn.stores } : {}),
        ...(turn.checkoutUrl ? { checkoutUrl: turn.checkoutUrl } : {}),
        ...(turn.refusedFigures ? { refused: true } : {}),
      };
    },
    BEDROCK_BUDGET_MS,
    () => localAnswer(body, user, sessionId),
  );
  return outcome.value;
}
