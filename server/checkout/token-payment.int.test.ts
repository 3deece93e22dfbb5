import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkoutBody, idempotencyRecordExists, orderCount, putProduct, stockOf, tokenise, uniqueId } from './test-support/fixtures';
import { apiRequest, requestContext, resetRequestContext, testUser } from './test-support/request-context';

// Paying by the processor's token (API.md, "Card payments through a processor's token"): the real checkout route
// against the local stack and the sandbox processor running as its own server.
vi.mock('next/headers', async () => (await import('./test-support/request-context')).nextHeadersOnContext());
vi.mock('@/server/identity', async (importOriginal) =>
  (await import('./test-support/request-context')).identityOnContext(await importOriginal<typeof import('@/server/identity')>()),
);

const checkoutRoute = await import('@/app/api/checkout/route');
const { addCartItem } = await import('@/server/cart');

type Answer = {
  order?: { id: string; payment: { brand: string; last4: string } };
  error?: { code: string; message: string; details?: { reason?: string; nextAction?: { url: string } } };
};
const checkout = async (body: unknown, key: string) => {
  const res = await checkoutRoute.POST(apiRequest('POST', '/api/checkout', { body, headers: { 'idempotency-key': key } }), undefined);
  return { status: res.status, body: (await res.json()) as Answer };
};

async function shopper(stock = 5) {
  const p = await putProduct({ variants: [{ id: 'v', price: 2_000, stock }] });
  const userId = uniqueId('user');
  requestContext.user = testUser(userId);
  await addCartItem({ kind: 'user', userId }, { productId: p.id, variantId: 'v', quantity: 1 });
  const untouched = async (key: string) => {
    expect(await orderCount(userId)).toBe(0);
    expect(await stockOf(p.id, 'v')).toBe(stock);
    expect(await idempotencyRecordExists(userId, key)).toBe(false);
  };
  return { p, userId, untouched, refill: () => addCartItem({ kind: 'user', userId }, { productId: p.id, variantId: 'v', quantity: 1 }) };
}

const answerChallenge = (url: string, outcome: 'pass' | 'fail') =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outcome }) });

beforeEach(() => resetRequestContext());

describe('checkout pays by token', () => {
  it('refuses card fields with 400 CARD_DATA_NOT_ACCEPTED, echoing nothing and writing nothing', async () => {
    const s = await shopper();
    const key = crypto.randomUUID();
    const res = await checkout({ ...checkoutBody(), payment: { cardNumber: '4242 4242 4242 4242', expMonth: 12, expYear: 2035, cvc: '123' } }, key);
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('CARD_DATA_NOT_ACCEPTED');
    expect(JSON.stringify(res.body)).not.toMatch(/4242|"123"/);
    await s.untouched(key);
  });

  it('places the order with a freshly minted token, and the same key replays it', async () => {
    const s = await shopper();
    const token = await tokenise('4242 4242 4242 4242');
    const key = crypto.randomUUID();
    const placed = await checkout(checkoutBody(token), key);
    expect(placed.status).toBe(201);
    expect(placed.body.order?.payment).toMatchObject({ brand: 'visa', last4: '4242' });
    const again = await checkout(checkoutBody(token), key);
    expect(again.status).toBe(201);
    expect(again.body.order?.id).toBe(placed.body.order?.id);
    expect(await orderCount(s.userId)).toBe(1);
  });

  it('refuses a spent token under a new key: 402, no second order', async () => {
    const s = await shopper();
    const token = await tokenise('5555 5555 5555 4444');
    expect((await checkout(checkoutBody(token), crypto.randomUUID())).status).toBe(201);
    await s.refill();
    const key = crypto.randomUUID();
    const replayed = await checkout(checkoutBody(token), key);
    expect(replayed.status).toBe(402);
    expect(replayed.body.error).toMatchObject({ code: 'PAYMENT_DECLINED', details: { reason: 'token_used' } });
    expect(await orderCount(s.userId)).toBe(1);
    expect(await stockOf(s.p.id, 'v')).toBe(4);
    expect(await idempotencyRecordExists(s.userId, key)).toBe(false);
  });

  it('answers a token that was never issued with 402, and a malformed one with 400', async () => {
    const s = await shopper();
    const key = crypto.randomUUID();
    expect((await checkout(checkoutBody('tok_neverIssued'), key)).body.error).toMatchObject({ code: 'PAYMENT_DECLINED', details: { reason: 'token_invalid' } });
    expect((await checkout({ ...checkoutBody(), payment: { token: 'card' } }, key)).status).toBe(400);
    await s.untouched(key);
  });
});

describe('3-D Secure', () => {
  it('asks for authentication with nothing written, then the same key places exactly one order after a pass', async () => {
    const s = await shopper();
    const token = await tokenise('4000 0027 6000 3184');
    const key = crypto.randomUUID();
    const asked = await checkout(checkoutBody(token), key);
    expect(asked.status).toBe(402);
    expect(asked.body.error?.code).toBe('AUTHENTICATION_REQUIRED');
    const url = asked.body.error?.details?.nextAction?.url ?? '';
    expect(url).toMatch(/\/v1\/challenges\/ch_/);
    await s.untouched(key);
    // Asking again before the challenge is answered: the same challenge, still nothing written.
    expect((await checkout(checkoutBody(token), key)).body.error?.details?.nextAction?.url).toBe(url);

    expect((await answerChallenge(url, 'pass')).status).toBe(200);
    const results = await Promise.all([checkout(checkoutBody(token), key), checkout(checkoutBody(token), key)]);
    expect(results.map((r) => r.status)).toEqual([201, 201]);
    expect(new Set(results.map((r) => r.body.order?.id)).size).toBe(1);
    expect(results[0]!.body.order?.payment.last4).toBe('3184');
    expect(await orderCount(s.userId)).toBe(1);
    expect(await stockOf(s.p.id, 'v')).toBe(4);
  });

  it('writes nothing when the challenge fails, and says why', async () => {
    const s = await shopper();
    const token = await tokenise('4000002760003184');
    const key = crypto.randomUUID();
    const url = (await checkout(checkoutBody(token), key)).body.error?.details?.nextAction?.url ?? '';
    expect((await answerChallenge(url, 'fail')).status).toBe(200);
    const failed = await checkout(checkoutBody(token), key);
    expect(failed.status).toBe(402);
    expect(failed.body.error).toMatchObject({ code: 'PAYMENT_DECLINED', details: { reason: 'authentication_failed' } });
    expect(failed.body.error?.message).toMatch(/3-D Secure/);
    await s.untouched(key);
  });
});
