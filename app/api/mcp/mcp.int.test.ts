import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { putProduct } from '@/server/checkout/test-support/fixtures';
import { registerAccount } from '@/server/identity/cognito-accounts';
import { cognitoClient } from '@/server/platform/aws/clients';
import { rebuildSearchIndex } from '@/server/search';

// POST /api/mcp driven by the official SDK's client over Streamable HTTP, on the real local stack (DynamoDB Local,
// cognito-local, the search index): initialize, list the tools, search, add to the cart with a shopper's session,
// and the line is in the cart GET /api/cart answers for that session. The client's fetch is the route handler
// itself (as if middleware had been bypassed: the handler authorises alone).

vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/cache')>()), cacheLife: () => {}, cacheTag: () => {} }));
vi.mock('@/server/flags', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/server/flags')>()), isEnabled: async () => true }));
// GET /api/cart reads the session through next/headers: the jar holds whatever Cookie header the test sends.
const jar = new Map<string, string>();
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => jar.set(name, value),
    delete: (name: string) => jar.delete(name),
  }),
}));

const { POST } = await import('./route');
const { GET: getCart } = await import('../cart/route');
const { GET: protectedResource } = await import('@/app/.well-known/oauth-protected-resource/route');

const env = inject('localStackEnv');
const SITE = 'http://localhost:3000';

async function signIn(): Promise<{ token: string; sub: string }> {
  const email = `mcp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  await registerAccount({ email, password: 'Sturdy-pass-42', name: 'Mica Agent' });
  const out = await cognitoClient().send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: env.COGNITO_CLIENT_ID!,
      AuthParameters: { USERNAME: email, PASSWORD: 'Sturdy-pass-42' },
    }),
  );
  const token = out.AuthenticationResult!.AccessToken!;
  const sub = String((JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { sub: string }).sub);
  return { token, sub };
}

/** The route as the client's fetch; GET (the optional SSE stream) is what the method gate answers: 405. */
async function viaRoute(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const req = new Request(input, init);
  if (req.method !== 'POST') return new Response(null, { status: 405, headers: { Allow: 'OPTIONS, POST' } });
  return POST(req, undefined);
}

async function connect(headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'storefront-test-agent', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${SITE}/api/mcp`), { fetch: viaRoute, requestInit: { headers } }));
  return client;
}

type ToolText = { content: { type: string; text: string }[]; isError?: boolean; structuredContent?: Record<string, unknown> };
const json = (result: unknown) => JSON.parse((result as ToolText).content[0]!.text) as Record<string, unknown>;

let product: Awaited<ReturnType<typeof putProduct>>;
let shopper: { token: string; sub: string };

beforeAll(async () => {
  product = await putProduct({
    name: 'Quillback Agent Test Lantern',
    variants: [
      { id: 'amber', price: 3_450, stock: 6, options: { colour: 'Amber' } },
      { id: 'white', price: 3_950, stock: 0, options: { colour: 'White' } },
    ],
  });
  await rebuildSearchIndex();
  shopper = await signIn();
}, 60_000);

describe('MCP server at /api/mcp', () => {
  it('initializes and lists only the public tools without a session', async () => {
    const client = await connect();
    expect(client.getServerVersion()).toMatchObject({ name: 'trail-and-table' });
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['find_stores', 'get_policies', 'get_product', 'search_products']);
    const search = tools.find((t) => t.name === 'search_products')!;
    expect(search.inputSchema.properties).toHaveProperty('query');
    await client.close();
  });

  it('searches, adds to the cart with the shopper session, and GET /api/cart shows the line', async () => {
    const cookie = `sf_at=${shopper.token}`;
    const client = await connect({ cookie });
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['get_cart', 'add_to_cart', 'get_order_status']));

    const found = json(await client.callTool({ name: 'search_products', arguments: { query: 'Quillback lantern' } })) as {
      items: { id: string; slug: string; price: { amount: number }; url: string }[];
    };
    const hit = found.items.find((i) => i.id === product.id)!;
    expect(hit).toMatchObject({ price: { amount: 3_450, currency: 'USD' }, url: `${SITE}/p/${product.slug}` });

    const detail = json(await client.callTool({ name: 'get_product', arguments: { slug: hit.slug } })) as { variants: { id: string; available: number }[] };
    expect(detail.variants).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'amber', available: 6 }), expect.objectContaining({ id: 'white', available: 0 })]),
    );

    const added = await client.callTool({ name: 'add_to_cart', arguments: { productId: product.id, variantId: 'amber', quantity: 2 } });
    expect((added as ToolText).isError).toBeFalsy();
    expect(json(added)).toMatchObject({ checkoutUrl: `${SITE}/checkout` });

    jar.clear();
    jar.set('sf_at', shopper.token);
    const res = await getCart(new Request(`${SITE}/api/cart`, { headers: { cookie } }), undefined);
    expect(res.status).toBe(200);
    const cart = (await res.json()) as { items: { productId: string; variantId: string; quantity: number; unitPrice: { amount: number } }[] };
    expect(cart.items).toEqual([
      expect.objectContaining({ productId: product.id, variantId: 'amber', quantity: 2, unitPrice: { amount: 3_450, currency: 'USD' } }),
    ]);
    await client.close();
  });

  it('takes the same access token as a bearer token (a remote agent after the OAuth flow)', async () => {
    const client = await connect({ authorization: `Bearer ${shopper.token}` });
    const cart = json(await client.callTool({ name: 'get_cart', arguments: {} })) as { cart: { items: { productId: string }[] } };
    expect(cart.cart.items.map((i) => i.productId)).toContain(product.id);
    await client.close();
  });

  it('answers the shop’s refusals as tool errors: out of stock, unknown product, bad input', async () => {
    const client = await connect({ cookie: `sf_at=${shopper.token}` });
    const none = await client.callTool({ name: 'add_to_cart', arguments: { productId: product.id, variantId: 'white', quantity: 1 } });
    expect((none as ToolText).isError).toBe(true);
    expect(json(none)).toMatchObject({ error: { code: 'OUT_OF_STOCK' } });
    const missing = await client.callTool({ name: 'get_product', arguments: { slug: 'no-such-product-here' } });
    expect(json(missing)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const bad = await client.callTool({ name: 'add_to_cart', arguments: { productId: product.id, variantId: 'amber', quantity: 0 } });
    expect((bad as ToolText).isError).toBe(true);
    await client.close();
  });

  it('refuses a session tool without a session, a forged bearer token, and a foreign Origin with cookies', async () => {
    const client = await connect();
    const refused = await client.callTool({ name: 'get_cart', arguments: {} });
    expect((refused as ToolText).isError).toBe(true);
    await client.close();

    const initialize = {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } },
    };
    const post = (headers: Record<string, string>) =>
      POST(
        new Request(`${SITE}/api/mcp`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
          body: JSON.stringify(initialize),
        }),
        undefined,
      );
    const forged = await post({ authorization: `Bearer ${shopper.token.slice(0, -4)}AAAA` });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toBe(`Bearer error="invalid_token", resource_metadata="${SITE}/.well-known/oauth-protected-resource"`);
    const metadata = (await (await protectedResource(new Request(`${SITE}/.well-known/oauth-protected-resource`), undefined)).json()) as Record<
      string,
      unknown
    >;
    expect(metadata).toMatchObject({
      resource: `${SITE}/api/mcp`,
      authorization_servers: [`${env.COGNITO_ENDPOINT!.replace(/\/+$/, '')}/${env.COGNITO_USER_POOL_ID}`],
      bearer_methods_supported: ['header'],
    });
    const foreign = await post({ cookie: `sf_at=${shopper.token}`, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    const ok = await post({});
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('private, no-store');
  });
});
