import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { addCartItem } from '@/server/cart';
import { placeOrder } from '@/server/checkout';
import { checkoutBody, putProduct, stockOf } from '@/server/checkout/test-support/fixtures';
import { registerAccount } from '@/server/identity/cognito-accounts';
import type { Order } from '@/server/orders';
import { cognitoClient } from '@/server/platform/aws/clients';
import { POST as redriveRoute } from '../dead-letters/redrive/route';
import { GET as deadLettersRoute } from '../dead-letters/route';
import { POST as cancelRoute } from './[id]/cancel/route';
import { POST as refundRoute } from './[id]/refund/route';
import { GET as getRoute } from './[id]/route';
import { GET as listRoute } from './route';

// The operations routes called directly, as if middleware had been bypassed (ADR 0004): each handler alone refuses
// anyone outside `operations` (401 signed out, 403 for a shopper or a marketer, internal headers or not), refuses
// a foreign Origin on mutations, and turns bad input into a 4xx before anything is read or written. Real tokens
// from cognito-local, real orders in DynamoDB Local.

vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/cache')>()), cacheLife: () => {}, cacheTag: () => {} }));

const env = inject('localStackEnv');
const BASE = 'http://127.0.0.1:3000';

async function accessToken(email: string, password: string): Promise<string> {
  const out = await cognitoClient().send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: env.COGNITO_CLIENT_ID!, AuthParameters: { USERNAME: email, PASSWORD: password } }),
  );
  return out.AuthenticationResult!.AccessToken!;
}

function req(path: string, init: { method?: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Request {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('cookie', `sf_at=${init.token}`);
  if (init.body !== undefined || init.rawBody !== undefined) headers.set('content-type', 'application/json');
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  return new Request(`${BASE}${path}`, { method: init.method ?? 'GET', headers, body });
}

const idCtx = (id: string) => ({ params: Promise.resolve({ id }) });
const noCtx = undefined as never;

async function errorCode(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

const FORGED_HEADERS = {
  'x-user-groups': 'operations',
  'x-user-id': 'ops',
  'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware',
};
const REFUND = { amount: { amount: 100, currency: 'USD' }, reason: 'Damaged in transit' };

let ops: string;
let shopper: { id: string; email: string; token: string };
let product: { id: string };
let orderId: string;

beforeAll(async () => {
  ops = await accessToken('ops@example.com', 'Operations-pass-1');
  const email = `ops-routes-${Date.now().toString(36)}@example.com`;
  await registerAccount({ email, password: 'Sturdy-pass-42', name: 'Opal Orders' });
  const token = await accessToken(email, 'Sturdy-pass-42');
  const sub = String((JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { sub: string }).sub);
  shopper = { id: sub, email, token };
  product = await putProduct({ variants: [{ id: 'v1', price: 1_500, stock: 10 }] });
  await addCartItem({ kind: 'user', userId: sub }, { productId: product.id, variantId: 'v1', quantity: 2 });
  orderId = (await placeOrder({ userId: sub, email, idempotencyKey: crypto.randomUUID(), body: checkoutBody() })).order.id;
}, 60_000);

describe('operations routes: who may call them', () => {
  const calls = (token?: string, headers: Record<string, string> = {}) => [
    () => listRoute(req('/api/admin/orders', { token, headers }), noCtx),
    () => getRoute(req(`/api/admin/orders/${orderId}`, { token, headers }), idCtx(orderId)),
    () => cancelRoute(req(`/api/admin/orders/${orderId}/cancel`, { method: 'POST', token, headers }), idCtx(orderId)),
    () => refundRoute(req(`/api/admin/orders/${orderId}/refund`, { method: 'POST', token, headers, body: REFUND }), idCtx(orderId)),
    () => deadLettersRoute(req('/api/admin/dead-letters', { token, headers }), noCtx),
    () => redriveRoute(req('/api/admin/dead-letters/redrive', { method: 'POST', token, headers }), noCtx),
  ];

  it('answer 401 UNAUTHENTICATED without a session, internal headers or not', async () => {
    for (const call of calls(undefined, FORGED_HEADERS)) {
      const res = await call();
      expect(res.status).toBe(401);
      expect(await errorCode(res)).toBe('UNAUTHENTICATED');
    }
  });

  it('answer 403 FORBIDDEN to a signed-in shopper and to a marketer, and cancel nothing', async () => {
    const marketer = await accessToken('marketer@example.com', 'Marketer-pass-1');
    for (const token of [shopper.token, marketer]) {
      for (const call of calls(token, FORGED_HEADERS)) {
        const res = await call();
        expect(res.status).toBe(403);
        expect(await errorCode(res)).toBe('FORBIDDEN');
      }
    }
    const order = ((await (await getRoute(req(`/api/admin/orders/${orderId}`, { token: ops }), idCtx(orderId))).json()) as { order: Order }).order;
    expect(order.status).not.toBe('CANCELLED');
    expect(order.payment.refunded.amount).toBe(0);
  });

  it('answer 403 to operations when a mutation comes from another site', async () => {
    const origin = { origin: 'https://evil.example' };
    expect((await cancelRoute(req(`/api/admin/orders/${orderId}/cancel`, { method: 'POST', token: ops, headers: origin }), idCtx(orderId))).status).toBe(403);
    expect(
      (await refundRoute(req(`/api/admin/orders/${orderId}/refund`, { method: 'POST', token: ops, headers: origin, body: REFUND }), idCtx(orderId))).status,
    ).toBe(403);
    expect(
      (await redriveRoute(req('/api/admin/dead-letters/redrive', { method: 'POST', token: ops, headers: { 'sec-fetch-site': 'cross-site' } }), noCtx)).status,
    ).toBe(403);
    expect(await stockOf(product.id, 'v1')).toBe(8);
  });
});

describe('operations routes: input', () => {
  it('answer 400 for a query they cannot read', async () => {
    for (const query of ['status=LOST', 'limit=0', 'limit=101', 'limit=ten', `q=${'x'.repeat(300)}`, 'cursor=%%%', 'cursor=bm90LWEtY3Vyc29y']) {
      const res = await listRoute(req(`/api/admin/orders?${query}`, { token: ops }), noCtx);
      expect(res.status, query).toBe(400);
      expect(['VALIDATION_FAILED', 'INVALID_CURSOR'], query).toContain(await errorCode(res));
    }
  });

  it('answer 400 for a refund without a reason, with a fractional, negative or foreign amount, or with extra fields', async () => {
    const bodies: unknown[] = [
      { amount: { amount: 100, currency: 'USD' } },
      { amount: { amount: 100, currency: 'USD' }, reason: '   ' },
      { amount: { amount: 1.5, currency: 'USD' }, reason: 'x' },
      { amount: { amount: -100, currency: 'USD' }, reason: 'x' },
      { amount: { amount: 0, currency: 'USD' }, reason: 'x' },
      { amount: { amount: 100, currency: 'EUR' }, reason: 'x' },
      { amount: 100, reason: 'x' },
      { ...REFUND, actor: { by: 'system' } },
    ];
    for (const body of bodies) {
      const res = await refundRoute(req(`/api/admin/orders/${orderId}/refund`, { method: 'POST', token: ops, body }), idCtx(orderId));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await errorCode(res)).toBe('VALIDATION_FAILED');
    }
    const notJson = await refundRoute(req(`/api/admin/orders/${orderId}/refund`, { method: 'POST', token: ops, rawBody: '{"amount":' }), idCtx(orderId));
    expect(notJson.status).toBe(400);
    expect(await errorCode(notJson)).toBe('BAD_REQUEST');
  });

  it('answer 404 for a malformed or unknown order id on every [id] route', async () => {
    for (const id of ['nope', "ord_' OR 1=1", 'ord_000000000zzzzzzzz', 'x'.repeat(3000)]) {
      expect((await getRoute(req('/api/admin/orders/x', { token: ops }), idCtx(id))).status, id).toBe(404);
      expect((await cancelRoute(req('/api/admin/orders/x/cancel', { method: 'POST', token: ops }), idCtx(id))).status, id).toBe(404);
      expect((await refundRoute(req('/api/admin/orders/x/refund', { method: 'POST', token: ops, body: REFUND }), idCtx(id))).status, id).toBe(404);
    }
  });
});

describe('operations routes: working an order', () => {
  it('find any shopper’s order by id and by email, filter by status, and read it whole', async () => {
    const byId = (await (await listRoute(req(`/api/admin/orders?q=${orderId}`, { token: ops }), noCtx)).json()) as { items: { id: string; email: string }[] };
    expect(byId.items.map((o) => o.id)).toEqual([orderId]);
    expect(byId.items[0]!.email).toBe(shopper.email);
    const byEmail = (await (await listRoute(req(`/api/admin/orders?q=${encodeURIComponent(shopper.email.toUpperCase())}`, { token: ops }), noCtx)).json()) as {
      items: { id: string }[];
    };
    expect(byEmail.items.map((o) => o.id)).toEqual([orderId]);
    const delivered = (await (await listRoute(req(`/api/admin/orders?q=${orderId}&status=DELIVERED`, { token: ops }), noCtx)).json()) as { items: unknown[] };
    expect(delivered.items).toEqual([]);

    const res = await getRoute(req(`/api/admin/orders/${orderId}`, { token: ops }), idCtx(orderId));
    expect(res.status).toBe(200);
    const { order } = (await res.json()) as { order: Order };
    expect(order).toMatchObject({ id: orderId, email: shopper.email, payment: { captured: { amount: 0 }, refunded: { amount: 0 } } });
    expect(order.timeline[0]).toMatchObject({ status: 'PLACED' });
  });

  it('refuse a refund past what was captured with 409 and move nothing; cancel once, restocking, then 409', async () => {
    const refund = await refundRoute(req(`/api/admin/orders/${orderId}/refund`, { method: 'POST', token: ops, body: REFUND }), idCtx(orderId));
    expect(refund.status).toBe(409);

    const cancelled = await cancelRoute(req(`/api/admin/orders/${orderId}/cancel`, { method: 'POST', token: ops }), idCtx(orderId));
    expect(cancelled.status, await cancelled.clone().text()).toBe(200);
    const { order } = (await cancelled.json()) as { order: Order };
    expect(order.status).toBe('CANCELLED');
    expect(order.payment.refunded.amount).toBe(0);
    expect(order.timeline.at(-1)).toMatchObject({ status: 'CANCELLED', by: 'operations' });
    expect(await stockOf(product.id, 'v1')).toBe(10);

    const again = await cancelRoute(req(`/api/admin/orders/${orderId}/cancel`, { method: 'POST', token: ops }), idCtx(orderId));
    expect(again.status).toBe(409);
    expect(await stockOf(product.id, 'v1')).toBe(10);
  });

  it('list the dead letters for operations', async () => {
    const res = await deadLettersRoute(req('/api/admin/dead-letters', { token: ops }), noCtx);
    expect(res.status).toBe(200);
    expect(Array.isArray(((await res.json()) as { items: unknown }).items)).toBe(true);
  });
});
