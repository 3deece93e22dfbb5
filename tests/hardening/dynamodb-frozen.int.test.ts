import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readStoredCart } from '@/server/cart';
import type { ProductRecord } from '@/server/catalog';
import { putProduct, uniqueId } from '@/server/checkout/test-support/fixtures';
import { dynamoDoc } from '@/server/platform/aws/clients';
import { tableName } from '@/server/platform/db/tables';
import { type Buyer, createBuyers } from './support/cognito-buyers';
import { answeredInTime, thaw, whileFrozen } from './support/freeze';
import { browserRequest, callRoute, type RouteResult } from './support/request-scope';

// Fault suite (issue 19, item 2): DynamoDB Local frozen with SIGSTOP while shoppers browse and use their cart. The
// connections stay open and nothing answers, the outage the SDK used to wait minutes on. Proves: every cart and
// catalog route answers 503 UNAVAILABLE with Retry-After well before the hang bound (the AWS clients' request
// timeout and retry budget, server/platform/aws/clients.ts), no cart is changed by a request that failed, and after SIGCONT
// the same requests answer 200 with the same data as before. Route handlers run in-process as in the Redis suite;
// 'use cache' is inert outside Next, so every catalog read here reaches DynamoDB.

vi.mock('next/headers', async () => (await import('./support/request-scope')).nextHeadersStub);
vi.mock('next/cache', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/cache')>()),
  cacheLife: () => undefined,
  cacheTag: () => undefined,
}));

const productsRoute = await import('@/app/api/products/route');
const productRoute = await import('@/app/api/products/[slug]/route');
const categoriesRoute = await import('@/app/api/categories/route');
const cartRoute = await import('@/app/api/cart/route');
const cartItemsRoute = await import('@/app/api/cart/items/route');

let buyer: Buyer;
let product: ProductRecord;
let category: string;

beforeAll(async () => {
  [buyer] = (await createBuyers(1, 'frozen-ddb')) as [Buyer];
  category = uniqueId('frozen');
  await dynamoDoc().send(
    new PutCommand({ TableName: tableName('categories'), Item: { slug: category, name: `Frozen ${category}`, description: 'Fault suite.' } }),
  );
  product = { ...(await putProduct({ variants: [{ id: 'v', price: 1_250, stock: 20 }] })), category };
  await dynamoDoc().send(new PutCommand({ TableName: tableName('products'), Item: product }));
});
// Belt and braces: a frozen DynamoDB Local would hang every suite after this one.
afterEach(() => thaw('dynamodb'));

const jar = () => new Map([['sf_at', buyer.accessToken]]);
const requests = () => ({
  'GET /api/cart': () => callRoute(cartRoute.GET, browserRequest('GET', '/api/cart', { cookies: jar() }), undefined),
  'POST /api/cart/items': () =>
    callRoute(
      cartItemsRoute.POST,
      browserRequest('POST', '/api/cart/items', { cookies: jar(), body: { productId: product.id, variantId: 'v', quantity: 1 } }),
      undefined,
    ),
  'GET /api/products': () => callRoute(productsRoute.GET, browserRequest('GET', `/api/products?category=${category}&sort=price-asc&limit=10`), undefined),
  'GET /api/products/[slug]': () =>
    callRoute(productRoute.GET, browserRequest('GET', `/api/products/${product.slug}`), { params: Promise.resolve({ slug: product.slug }) }),
  'GET /api/categories': () => callRoute(categoriesRoute.GET, browserRequest('GET', '/api/categories'), undefined),
});

function expectUnavailable(what: string, res: RouteResult): void {
  expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(503);
  expect(res.body, what).toMatchObject({ error: { code: 'UNAVAILABLE' } });
  expect(Number(res.headers.get('retry-after')), `${what} Retry-After`).toBeGreaterThan(0);
}

describe('DynamoDB frozen while shoppers browse and use their cart', () => {
  it('answers every cart and catalog route 503 with Retry-After instead of hanging, changes no cart, and recovers after SIGCONT', async () => {
    // Healthy first: the buyer has one unit in the cart, and every route answers.
    const added = await requests()['POST /api/cart/items']();
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    const healthy = new Map<string, unknown>();
    for (const [what, call] of Object.entries(requests())) {
      if (what.startsWith('POST')) continue;
      const res = await call();
      expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(200);
      healthy.set(what, res.body);
    }
    const cartBefore = await readStoredCart(`user#${buyer.sub}`);
    expect(cartBefore?.lines.map((l) => l.quantity)).toEqual([1]);

    const frozen = await whileFrozen('dynamodb', () =>
      Promise.all(Object.entries(requests()).map(async ([what, call]) => [what, await answeredInTime(what, call())] as const)),
    );
    for (const [what, res] of frozen) expectUnavailable(what, res);

    // Thawed: the add that failed wrote nothing (same version, same quantity), and every read answers as before.
    const cartAfter = await readStoredCart(`user#${buyer.sub}`);
    expect(cartAfter?.version).toBe(cartBefore?.version);
    expect(cartAfter?.lines).toEqual(cartBefore?.lines);
    for (const [what, call] of Object.entries(requests())) {
      if (what.startsWith('POST')) continue;
      const res = await call();
      expect(res.status, `${what} after SIGCONT: ${JSON.stringify(res.body)}`).toBe(200);
      expect(res.body, `${what} after SIGCONT`).toEqual(healthy.get(what));
    }
  }, 60_000);
});
