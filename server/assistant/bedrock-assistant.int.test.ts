import { BedrockRuntimeClient, ConverseCommand, type ConverseCommandInput } from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getCart } from '@/server/cart';
import { putProduct, uniqueId } from '@/server/checkout/test-support/fixtures';
import { requestContext, resetRequestContext, testUser } from '@/server/checkout/test-support/request-context';
import { resetAwsClientsForTests } from '@/server/platform/aws/clients';
import { resetConfigForTests } from '@/server/platform/config';
import { rebuildSearchIndex } from '@/server/search';
import { REFUSED_REPLY } from './bedrock-conversation';
import { textTurn, toolUseTurn } from './testing/converse-turns';

// POST /api/assistant with BEDROCK_MODEL_ID set: the model (aws-sdk-client-mock, answering in Converse's response
// shape) asks for the shop's tools, which run for real on the local stack (search index, cart table) as the
// request's shopper. The shop refuses a reply quoting a price no tool answered, and falls back to the local engine
// when the model fails or a conversation is over its budget.

vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/cache')>()), cacheLife: () => {}, cacheTag: () => {} }));
vi.mock('next/headers', async () => (await import('@/server/checkout/test-support/request-context')).nextHeadersOnContext());
vi.mock('@/server/flags', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/server/flags')>()), isEnabled: async () => true }));
vi.mock('@/server/identity', async (importOriginal) => {
  const { identityOnContext } = await import('@/server/checkout/test-support/request-context');
  return identityOnContext(await importOriginal<typeof import('@/server/identity')>(), { fromRequest: true });
});

const bedrock = mockClient(BedrockRuntimeClient);
const { POST } = await import('@/app/api/assistant/route');

type Reply = {
  reply: string;
  source: string;
  intent: string;
  sessionId: string;
  products?: { id: string; price: { amount: number } }[];
  checkoutUrl?: string;
  refused?: boolean;
};

async function ask(text: string, sessionId?: string): Promise<Reply> {
  const res = await POST(
    new Request('http://localhost:3000/api/assistant', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'http://localhost:3000',
        'x-storefront-peer-address': `2001:db8:32::${Math.floor(Math.random() * 0xffff).toString(16)}`,
      },
      body: JSON.stringify({ text, sessionId }),
    }),
    undefined,
  );
  expect(res.status).toBe(200);
  return (await res.json()) as Reply;
}

const converseInputs = () => bedrock.commandCalls(ConverseCommand).map((c) => c.args[0].input as ConverseCommandInput);

let lantern: Awaited<ReturnType<typeof putProduct>>;

beforeAll(async () => {
  process.env.BEDROCK_MODEL_ID = 'anthropic.claude-test-v1:0';
  process.env.BEDROCK_GUARDRAIL_ID = 'gr-test';
  resetConfigForTests();
  resetAwsClientsForTests();
  lantern = await putProduct({ name: 'Bedrock Test Lantern', variants: [{ id: 'amber', price: 3_450, stock: 6, options: { colour: 'Amber' } }] });
  await rebuildSearchIndex();
});

afterAll(() => {
  delete process.env.BEDROCK_MODEL_ID;
  delete process.env.BEDROCK_GUARDRAIL_ID;
  resetConfigForTests();
  bedrock.restore();
});

beforeEach(() => {
  bedrock.reset();
  resetRequestContext();
});

describe('the assistant on Bedrock with the shop’s tools', () => {
  it('runs the search tool the model asks for, hands it the catalog’s prices, and shows the reply with product cards', async () => {
    bedrock
      .on(ConverseCommand)
      .resolvesOnce(toolUseTurn([{ name: 'search_products', input: { query: 'Bedrock Test Lantern' } }]))
      .resolvesOnce(toolUseTurn([{ name: 'get_product', input: { slug: lantern.slug } }]))
      .resolvesOnce(textTurn('The Bedrock Test Lantern is $34.50 and there are 6 in stock.'));
    const reply = await ask('Do you have a lantern?');

    expect(reply).toMatchObject({ source: 'bedrock', intent: 'Conversation', reply: 'The Bedrock Test Lantern is $34.50 and there are 6 in stock.' });
    expect(reply.products?.find((p) => p.id === lantern.id)?.price.amount).toBe(3_450);

    const [first, second] = converseInputs();
    // Exactly the MCP tools a guest has, and the configured guardrail.
    expect(first!.toolConfig?.tools?.map((t) => t.toolSpec?.name).sort()).toEqual(['find_stores', 'get_policies', 'get_product', 'search_products']);
    expect(first!.guardrailConfig).toEqual({ guardrailIdentifier: 'gr-test', guardrailVersion: 'DRAFT' });
    const toolResult = second!.messages?.at(-1)?.content?.[0]?.toolResult;
    expect(toolResult?.status).toBe('success');
    const answered = toolResult?.content?.[0]?.json as { items: { id: string; price: { amount: number } }[] };
    expect(answered.items.find((i) => i.id === lantern.id)?.price.amount).toBe(3_450);
  });

  it('refuses a reply whose price the model invented, and shows the catalog’s cards instead', async () => {
    bedrock
      .on(ConverseCommand)
      .resolvesOnce(toolUseTurn([{ name: 'search_products', input: { query: 'Bedrock Test Lantern' } }]))
      .resolvesOnce(textTurn('Great news: the Bedrock Test Lantern is on sale for $9.99 today!'));
    const reply = await ask('How much is the lantern?');

    expect(reply.reply).toBe(REFUSED_REPLY);
    expect(reply.refused).toBe(true);
    expect(JSON.stringify(reply)).not.toContain('9.99');
    expect(reply.products?.find((p) => p.id === lantern.id)?.price.amount).toBe(3_450);
  });

  it('refuses a stock count the tools did not answer (search results carry no stock)', async () => {
    bedrock
      .on(ConverseCommand)
      .resolvesOnce(toolUseTurn([{ name: 'search_products', input: { query: 'Bedrock Test Lantern' } }]))
      .resolvesOnce(textTurn('The Bedrock Test Lantern is $34.50 and there are 6 in stock.'));
    expect((await ask('Is the lantern in stock?')).reply).toBe(REFUSED_REPLY);
  });

  it('refuses a price quoted from memory without any tool call', async () => {
    bedrock.on(ConverseCommand).resolvesOnce(textTurn('The lantern costs $34.50.'));
    expect((await ask('How much is the lantern?')).reply).toBe(REFUSED_REPLY);
  });

  it("adds to a signed-in shopper's own cart and answers the checkout link, never an order", async () => {
    const me = uniqueId('bedrock-shopper');
    requestContext.user = testUser(me);
    bedrock
      .on(ConverseCommand)
      .resolvesOnce(toolUseTurn([{ name: 'add_to_cart', input: { productId: lantern.id, variantId: 'amber', quantity: 1 } }]))
      .resolvesOnce(textTurn('Added the Bedrock Test Lantern to your cart. You can check out whenever you are ready.'));
    const reply = await ask('Add the amber lantern to my cart');

    expect(reply.checkoutUrl).toBe('http://localhost:3000/checkout');
    const cart = await getCart({ kind: 'user', userId: me });
    expect(cart.items).toEqual([expect.objectContaining({ productId: lantern.id, variantId: 'amber', quantity: 1 })]);
    const tools = converseInputs()[0]!.toolConfig?.tools?.map((t) => t.toolSpec?.name);
    expect(tools).toEqual(expect.arrayContaining(['get_cart', 'add_to_cart', 'get_order_status']));
    expect(tools).not.toContain('checkout');
  });

  it('gives a guest no cart tool: a model asking for one gets an error result and nothing is added', async () => {
    bedrock
      .on(ConverseCommand)
      .resolvesOnce(toolUseTurn([{ name: 'add_to_cart', input: { productId: lantern.id, variantId: 'amber', quantity: 1 } }]))
      .resolvesOnce(textTurn('Please sign in so I can add it to your cart.'));
    const reply = await ask('Add the lantern to my cart');
    expect(reply.reply).toBe('Please sign in so I can add it to your cart.');
    const result = converseInputs()[1]!.messages?.at(-1)?.content?.[0]?.toolResult;
    expect(result?.status).toBe('error');
    expect(reply.checkoutUrl).toBeUndefined();
  });

  it('falls back to the local intent engine when Bedrock fails', async () => {
    bedrock.on(ConverseCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 429 } }));
    const reply = await ask('stores near Seattle');
    expect(reply.source).toBe('local');
    expect(reply.intent).toBe('StoreFinder');
  });

  it('stops calling the model once a conversation has spent its token budget', async () => {
    bedrock.on(ConverseCommand).resolvesOnce(textTurn('Hello! How can I help?', { inputTokens: 59_000, outputTokens: 1_500 }));
    const first = await ask('hello');
    expect(first.source).toBe('bedrock');
    const second = await ask('hello again', first.sessionId);
    expect(second.source).toBe('local');
    expect(converseInputs()).toHaveLength(1);
  });

  it('sends the earlier turns of the conversation as text, never their tool results', async () => {
    bedrock
      .on(ConverseCommand)
      .resolvesOnce(toolUseTurn([{ name: 'search_products', input: { query: 'Bedrock Test Lantern' } }]))
      .resolvesOnce(textTurn('It is $34.50.'))
      .resolvesOnce(textTurn('Happy to help.'));
    const first = await ask('lantern price?');
    await ask('thanks', first.sessionId);
    const third = converseInputs()[2]!;
    expect(third.messages?.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(third.messages?.[1]?.content).toEqual([{ text: 'It is $34.50.' }]);
  });
});
