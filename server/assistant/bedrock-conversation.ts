import { type ContentBlock, ConverseCommand, type Message, type Tool, type ToolResultBlock } from '@aws-sdk/client-bedrock-runtime';
import { z } from 'zod';
import { availableTools, type ProductCard, productCard, runShopTool, type ToolName, type ToolResults } from '../agents';
import { TOOL_DESCRIPTIONS, TOOL_INPUTS } from '../agents/contract';
import type { SessionUser } from '../identity';
import { bedrockClient } from '../platform/aws/clients';
import { isAppError } from '../platform/errors';
import { logger } from '../platform/observability';
import type { AssistantOrder, AssistantStore } from './contract';
import { checkFigures, knownFigures } from './figure-check';

// One chat message answered by a model on Amazon Bedrock's Converse API, with exactly the MCP server's tools
// (server/agents). The model asks for tools; the shop runs them as the signed-in shopper (or a guest) and hands back
// their JSON; the model writes the reply. The shop then checks every price and stock figure in that reply against
// what the tools answered (figure-check.ts) and refuses a reply that quotes anything else. Cards come from the tool
// results themselves, never from the model's text.

const log = logger.child({ component: 'assistant' });

/** Model calls per shopper message: enough for search → product → add to cart → answer; bounds the cost of one turn. */
export const MAX_MODEL_CALLS_PER_MESSAGE = 4;
/** Output tokens per model call. With the calls above, one message costs at most ~4 × (context + 700) tokens. */
const MAX_OUTPUT_TOKENS = 700;

const SYSTEM_PROMPT = [
  'You are the shopping assistant of Trail & Table, an online shop for outdoor gear, books and kitchen goods.',
  'Use the tools for every fact about products, prices, stock, carts, orders, stores and policies. Never state a price, a stock count or an order status that a tool did not give you in this turn; call the tool again instead of remembering.',
  'Prices in tool results are Money objects: integer minor units and a currency. {"amount": 3450, "currency": "USD"} is written $34.50.',
  'You cannot place orders. When the shopper wants to buy, add to the cart if they are signed in and give them the checkout link.',
  'Keep replies short: two or three sentences. Product details appear as cards beside your reply, so do not list every field.',
].join(' ');

export const REFUSED_REPLY =
  'I could not check a price or stock figure in my answer against the shop, so I will not show it. Here is what the shop’s catalog says right now.';

export type ToolTurn = {
  reply: string;
  products: ProductCard[];
  orders: AssistantOrder[];
  stores: AssistantStore[];
  checkoutUrl?: string;
  /** Figures the model wrote that no tool answered (the reply was refused for them). */
  refusedFigures?: string[];
  usage: { inputTokens: number; outputTokens: number };
};

type ToolOutcome = { [K in ToolName]: { name: K; data: ToolResults[K] } }[ToolName];

function toolSpecs(names: ToolName[]): Tool[] {
  return names.map((name) => ({
    toolSpec: {
      name,
      description: TOOL_DESCRIPTIONS[name],
      inputSchema: { json: z.toJSONSchema(TOOL_INPUTS[name]) as never },
    },
  }));
}

/** What the shopper sees beside the reply, from the tool results only. */
function cardsFrom(outcomes: ToolOutcome[]): Pick<ToolTurn, 'products' | 'orders' | 'stores' | 'checkoutUrl'> {
  const products = new Map<string, ProductCard>();
  const orders: AssistantOrder[] = [];
  const stores: AssistantStore[] = [];
  let checkoutUrl: string | undefined;
  for (const o of outcomes) {
    switch (o.name) {
      case 'search_products':
        for (const p of o.data.items) products.set(p.id, p);
        break;
      case 'get_product':
        products.set(o.data.id, productCard(o.data));
        break;
      case 'get_order_status':
        orders.push(
          ...o.data.orders.map(({ id, number, status, createdAt, total, itemCount, firstItemName }) => ({
            id,
            number,
            status,
            createdAt,
            total,
            itemCount,
            firstItemName,
          })),
        );
        break;
      case 'find_stores':
        stores.push(...o.data.stores);
        break;
      case 'get_cart':
      case 'add_to_cart':
        checkoutUrl = o.data.checkoutUrl;
        break;
      case 'get_policies':
        break;
    }
  }
  return { products: [...products.values()].slice(0, 6), orders, stores, checkoutUrl };
}

async function runToolUse(
  block: NonNullable<ContentBlock['toolUse']>,
  allowed: ToolName[],
  user: SessionUser | null,
  outcomes: ToolOutcome[],
): Promise<ToolResultBlock> {
  const name = block.name ?? '';
  const fail = (code: string, message: string): ToolResultBlock => ({
    toolUseId: block.toolUseId,
    status: 'error',
    content: [{ json: { error: { code, message } } }],
  });
  if (!(allowed as string[]).includes(name)) return fail('NOT_FOUND', `There is no tool ${name} for this shopper.`);
  try {
    const data = await runShopTool(name as ToolName, block.input, { user });
    outcomes.push({ name, data } as ToolOutcome);
    return { toolUseId: block.toolUseId, status: 'success', content: [{ json: data as never }] };
  } catch (err) {
    if (isAppError(err)) return fail(err.code, err.message);
    throw err;
  }
}

export async function converseWithTools(params: {
  modelId: string;
  guardrail?: { id: string; version: string };
  text: string;
  /** Earlier turns of this conversation, text only (no tool results: figures are fetched afresh each turn). */
  history: Message[];
  user: SessionUser | null;
  signal: AbortSignal;
}): Promise<ToolTurn> {
  const allowed = availableTools({ user: params.user });
  const messages: Message[] = [...params.history, { role: 'user', content: [{ text: params.text }] }];
  const outcomes: ToolOutcome[] = [];
  const usage = { inputTokens: 0, outputTokens: 0 };
  let reply: string | null = null;

  for (let call = 0; call < MAX_MODEL_CALLS_PER_MESSAGE && reply === null; call++) {
    const out = await bedrockClient().send(
      new ConverseCommand({
        modelId: params.modelId,
        system: [{ text: SYSTEM_PROMPT }],
        messages: [...messages],
        toolConfig: { tools: toolSpecs(allowed) },
        inferenceConfig: { maxTokens: MAX_OUTPUT_TOKENS, temperature: 0.2 },
        ...(params.guardrail ? { guardrailConfig: { guardrailIdentifier: params.guardrail.id, guardrailVersion: params.guardrail.version } } : {}),
      }),
      { abortSignal: params.signal },
    );
    usage.inputTokens += out.usage?.inputTokens ?? 0;
    usage.outputTokens += out.usage?.outputTokens ?? 0;
    const message = out.output?.message;
    const content = message?.content ?? [];
    if (out.stopReason === 'tool_use') {
      messages.push({ role: 'assistant', content });
      const results: ContentBlock[] = [];
      for (const block of content) {
        if (block.toolUse) results.push({ toolResult: await runToolUse(block.toolUse, allowed, params.user, outcomes) });
      }
      messages.push({ role: 'user', content: results });
      continue;
    }
    reply = content
      .map((b) => b.text ?? '')
      .join('\n')
      .trim();
  }

  const cards = cardsFrom(outcomes);
  if (reply === null || reply === '') {
    return { reply: 'I could not finish that just now. Here is what I found so far.', ...cards, usage };
  }
  const check = checkFigures(reply, knownFigures(outcomes.map((o) => o.data)));
  if (!check.ok) {
    log.warn('assistant reply refused: figures no tool answered', { unsupported: check.unsupported.slice(0, 5) });
    return { reply: REFUSED_REPLY, ...cards, refusedFigures: check.unsupported, usage };
  }
  return { reply, ...cards, usage };
}
